import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import type { AlmanacRun } from './runAlmanac.ts';

/** Runs one `almanac` invocation in this process (the CLI's own main()), capturing stdout and stderr. */
export async function runMain(args: string[], options: { cwd: string }): Promise<AlmanacRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({ argv: args, cwd: options.cwd, env: { PATH: process.env.PATH }, stdout, stderr });
  return { code, stdout: out, stderr: err };
}
