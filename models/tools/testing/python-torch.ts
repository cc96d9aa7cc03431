/** The Python that the training tools run on (Debian's, with python3-torch), for tests that call into them. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const PYTHON = '/usr/bin/python3';
/** models/tools, for `sys.path.insert(0, TOOLS)` in a test's Python snippet. */
export const TOOLS = resolve(__dirname, '..');

/** Whether PYTHON imports torch and numpy; tests that need them skip (and say why) when it does not. */
export function hasTorch(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import torch, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
