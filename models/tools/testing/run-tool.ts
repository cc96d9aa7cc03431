// Runs one of the repo's command-line tools the way `npm run` does, for the tools' tests.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

export const REPO = resolve(__dirname, '../../..');

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx <script> ...args` in the repo root; a non-zero exit is returned, not thrown. */
export async function runTool(script: string, ...args: string[]): Promise<ToolResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as ToolResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
