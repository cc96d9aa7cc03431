/**
 * The quantizer's self-check result as sentences in the interface language (the quantizer words its own line in
 * English for the CLI, `describeSelfCheck`; here only its values are used).
 */
import { msg, str } from '@lit/localize';
import { tightestBound, unboundedByOperator, unboundedOutputs } from '../../quantize/self-check';
import type { SelfCheckResult } from '../../quantize/types';
import { paragraph } from '../../i18n/paragraph';
import { formatNumber } from '../../ui/format';

/**
 * "Self-check passed: on 8 inputs the largest error on logits was 0.0750, within the int4 bound of 1.85 (checked layer
 * by layer).", then one sentence per operator past which no bound exists, naming the outputs only checked to run.
 * Error and bound keep three significant digits as the quantizer reports them (they span 1e-4 to 1e1).
 */
export function selfCheckText(result: SelfCheckResult): string {
  const inputs = formatNumber(result.samples);
  const error = result.maxAbsError.toPrecision(3);
  const output = result.output;
  const tightest = tightestBound(result);
  const format = formatName(result.format ?? 'int8');
  const bound = tightest?.bound.toPrecision(3);
  const measured = !tightest
    ? msg(str`Self-check passed: on ${inputs} inputs the largest error on ${output} was ${error}.`, { id: 'quantize.selfCheck.unbounded' })
    : tightest.how === 'layered'
      ? msg(str`Self-check passed: on ${inputs} inputs the largest error on ${output} was ${error}, within the ${format} bound of ${bound} (checked layer by layer).`, {
          id: 'quantize.selfCheck.layered',
        })
      : msg(str`Self-check passed: on ${inputs} inputs the largest error on ${output} was ${error}, within the ${format} bound of ${bound} from input to output.`, {
          id: 'quantize.selfCheck.endToEnd',
        });
  const runOnly = [...unboundedByOperator(unboundedOutputs(result))].map(([op, names]) => {
    const outputs = names.join(', ');
    return op
      ? msg(str`No error bound can be derived past ${op}, so ${outputs} was only checked to run.`, { id: 'quantize.selfCheck.pastOperator' })
      : msg(str`No error bound can be derived for ${outputs}, so it was only checked to run.`, { id: 'quantize.selfCheck.noBound' });
  });
  return paragraph([measured, ...runOnly]);
}

/** The weight format a bound derives from: int8, int4 and fp16 are the field's names in any language. */
function formatName(format: NonNullable<SelfCheckResult['format']>): string {
  return format === 'palette' ? msg('palette', { id: 'quantize.selfCheck.palette' }) : format;
}
