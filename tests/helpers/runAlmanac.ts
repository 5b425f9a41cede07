import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const almanacBin = fileURLToPath(new URL('../../src/cli/almanac.mjs', import.meta.url));

export interface AlmanacRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `almanac` command in a child process, as a user would. */
export function runAlmanac(
  args: string[],
  options: {
    cwd: string;
    env?: Record<string, string | undefined>;
    timeoutMs?: number;
    /** Another entry point taking the same arguments after its own (e.g. tests/faults/almanacAt.ts INSTANT). */
    bin?: string[];
    /** Sends SIGTERM once, the first time this says yes to the stderr so far (an operator stopping the run). */
    stopWhen?: (stderr: string) => boolean;
  },
): Promise<AlmanacRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.bin ?? [almanacBin]), ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: process.env.TZ, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    let stopped = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!stopped && options.stopWhen?.(stderr)) {
        stopped = true;
        child.kill('SIGTERM');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
