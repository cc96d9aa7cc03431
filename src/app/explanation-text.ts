/**
 * The backend choice's reason (src/runtime/recommend.ts `Explanation`) in the interface language: the runtime gives
 * causes as codes, this turns each into words. Called at render time (msg() reads the current language).
 */
import { msg, str } from '@lit/localize';
import type { Explanation, Why } from '../runtime/recommend';

function noGpuText(cause: 'no-api' | 'no-adapter' | 'fallback-adapter'): string {
  switch (cause) {
    case 'no-api':
      return msg('this browser has no WebGPU', { id: 'app.why.no-api' });
    case 'no-adapter':
      return msg('no WebGPU adapter', { id: 'app.why.no-adapter' });
    case 'fallback-adapter':
      return msg('WebGPU adapter is a software fallback', { id: 'app.why.fallback-adapter' });
  }
}

function whyText(why: Why): string {
  switch (why.code) {
    case 'chosen-in-settings':
      return msg('chosen in settings', { id: 'app.why.chosen' });
    case 'no-webgpu':
      return why.chosen ? msg(str`WebGPU chosen, but ${noGpuText(why.cause)}`, { id: 'app.why.chosen-but' }) : noGpuText(why.cause);
    case 'not-isolated':
      return msg('page not cross-origin isolated, so 1 thread', { id: 'app.why.not-isolated' });
    case 'dtype-missing':
      return msg(str`${why.dtype}: model has no ${why.wanted}`, { id: 'app.why.dtype-missing' });
    case 'no-shader-f16':
      return msg(str`${why.dtype}: GPU lacks shader-f16`, { id: 'app.why.no-shader-f16' });
    case 'small-model':
      return msg('small model, 1 thread is faster', { id: 'app.why.small-model' });
    case 'webgpu-failed-at-load':
      return msg('WebGPU failed at load', { id: 'app.why.webgpu-failed' });
    case 'gpu-stopped':
      return msg('the GPU stopped working', { id: 'app.why.gpu-stopped' });
  }
}

/** "WASM, 2 threads" / "WebGPU — nvidia ampere, shader-f16". */
export function backendText(explanation: Pick<Explanation, 'device' | 'threads' | 'gpuName' | 'shaderF16'>): string {
  const { device, threads, gpuName, shaderF16 } = explanation;
  if (device === 'wasm') return threads === 1 ? msg('WASM, 1 thread', { id: 'app.wasm.one' }) : msg(str`WASM, ${threads} threads`, { id: 'app.wasm.many' });
  if (gpuName === undefined) return 'WebGPU';
  return `WebGPU — ${gpuName}${shaderF16 ? ', shader-f16' : ''}`;
}

/** The whole reason: the backend, then each cause. */
export function explanationText(explanation: Explanation): string {
  const label = backendText(explanation);
  if (explanation.why.length === 0) return label;
  const causes = explanation.why.map(whyText).join(msg('; ', { id: 'app.why.separator' }));
  return msg(str`${label} — ${causes}`, { id: 'app.why.joined' });
}
