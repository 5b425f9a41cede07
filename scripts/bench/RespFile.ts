// The simulator's writes captured as a RESP command stream in a file, and replayed with `redis-cli --pipe`: Redis's
// own mass-insertion path, which does nothing but stream those bytes and count replies. It is the floor for writing
// the same hashes (the `redis-benchmark`-style reference of issue 10): the gap to it is what generating the fleet
// and our writer cost.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { RespConnection } from '../../src/simulate/RespConnection.ts';
import { RespEmpSink } from '../../src/simulate/RespEmpSink.ts';

const CHUNK_CHARS = 1 << 20;

/**
 * Stands in for RespConnection under RespEmpSink, so the file holds exactly the commands `simulate --redis` sends
 * (same key names, fields and order), encoded the same way.
 */
export class RespFile {
  private readonly out: WriteStream;
  private chunk = '';
  private sent = 0;

  constructor(file: string) {
    this.out = createWriteStream(file);
  }

  /** An emp sink that writes into this file. */
  sink(): RespEmpSink {
    return new RespEmpSink(this as unknown as RespConnection);
  }

  command(args: readonly string[]): void {
    let s = `*${args.length}\r\n`;
    for (const a of args) s += `$${Buffer.byteLength(a)}\r\n${a}\r\n`;
    this.chunk += s;
    this.sent++;
  }

  async drain(): Promise<void> {
    if (this.chunk.length >= CHUNK_CHARS) await this.write();
  }

  async flush(): Promise<void> {
    await this.write();
  }

  get commands(): number {
    return this.sent;
  }

  async close(): Promise<void> {
    await this.write();
    this.out.end();
    await once(this.out, 'finish');
  }

  private async write(): Promise<void> {
    const data = this.chunk;
    this.chunk = '';
    if (data !== '' && !this.out.write(data, 'utf8')) await once(this.out, 'drain');
  }
}

/** `redis-cli --pipe < file` against `url`; resolves with the replies Redis counted, rejects on any error reply. */
export async function pipeToRedis(file: string, url: string): Promise<{ replies: number }> {
  const child = spawn('redis-cli', ['-u', url, '--pipe'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  createReadStream(file).pipe(child.stdin);
  const [code] = (await once(child, 'close')) as [number | null];
  const summary = /errors: (\d+), replies: (\d+)/.exec(output);
  if (code !== 0 || !summary || summary[1] !== '0') {
    throw new Error(`redis-cli --pipe exited ${code}: ${output.trim().split('\n').at(-1) ?? ''}`);
  }
  return { replies: Number(summary[2]) };
}
