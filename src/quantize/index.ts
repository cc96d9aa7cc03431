/** The project's int8 ONNX quantizer: pure TypeScript, runs in Node and in Web Workers. */
export { quantizeModel } from './quantize-model';
export { QuantizeError, type QuantizeErrorCode } from './errors';
export { calibrationTensorNames, instrumentModel, RangeCollector, DEFAULT_MIN_CALIBRATION_SAMPLES } from './calibration';
export { modelInputs, type ModelInput } from './model-info';
export { ortCalibration, ortModelRunner, type OrtLike, type OrtWithTensor, type CalibrationFeeds } from './ort-calibration';
export { selfCheck, describeSelfCheck, tightestBound, generatedSamples, DEFAULT_SELF_CHECK_SAMPLES, type ModelRunner, type SelfCheckOptions } from './self-check';
export { ErrorBound, type TensorSample, type OutputBound } from './error-bound';
export type * from './types';
export { calibrationSamplesFromNpy, type CalibrationFile, type CalibrationFileOptions } from './calibration-files';
export { calibratedRange, CALIBRATION_METHODS, DEFAULT_PERCENTILE, type CalibrationMethod } from './calibration-methods';
export { HistogramCollector, ActivationHistogram, HISTOGRAM_BINS } from './histogram';
export { smoothModel, smoothingFactors, DEFAULT_SMOOTH_QUANT_ALPHA } from './smooth-quant';
export { layerSensitivity, mixedPrecision, DEFAULT_TARGET_AGREEMENT, type LayerSensitivity, type MixedPrecisionOptions, type MixedPrecisionResult, type SensitivityOptions, type SensitivityProgress } from './sensitivity';
export { nodeId, EXCLUDED_REASON } from './exclusion';
export { INT4_BLOCK_SIZES, type Int4BlockSize } from './int4-blocks';
export { isWeightFormat, type WeightFormatMode } from './weight-formats';
