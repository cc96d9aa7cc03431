/** The quantizer's self-check result in the interface language (the quantizer's own sentence is English, for the CLI). */
import { msg, str } from '@lit/localize';
import { tightestBound } from '../../quantize/self-check';
import type { SelfCheckResult } from '../../quantize/types';
import { formatNumber } from '../../ui/format';

/**
 * "8 inputs: largest error 0.0750 on "logits" (int8 bound 1.85 layer by layer)", plus the outputs only checked for
 * running. Error and bound keep three significant digits as the quantizer reports them (they span 1e-4 to 1e1).
 */
export function selfCheckText(result: SelfCheckResult): string {
  const inputs = formatNumber(result.samples);
  const error = result.maxAbsError.toPrecision(3);
  const output = result.output;
  const tightest = tightestBound(result);
  const format = result.format ?? 'int8';
  const bound = tightest?.bound.toPrecision(3);
  const within = !tightest
    ? msg('no bound derivable; checked that it runs', { id: 'quantize.selfCheck.noBound' })
    : tightest.how === 'layered'
      ? msg(str`${format} bound ${bound} layer by layer`, { id: 'quantize.selfCheck.boundLayered' })
      : msg(str`${format} bound ${bound} end to end`, { id: 'quantize.selfCheck.boundEndToEnd' });
  const unbounded = result.unbounded.join(', ');
  const runningOnly = result.unbounded.length ? msg(str`; checked for running only: ${unbounded}`, { id: 'quantize.selfCheck.runningOnly' }) : '';
  const measured = msg(str`${inputs} inputs: largest error ${error} on "${output}" (${within})`, { id: 'quantize.selfCheck.measured' });
  return `${measured}${runningOnly}`;
}
