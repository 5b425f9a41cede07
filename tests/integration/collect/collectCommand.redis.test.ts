// Integration: `almanac collect` as a user runs it (main() in-process, real Redis, a temp warehouse).
import { PassThrough } from 'node:stream';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { empKeys } from '../../../src/sources/emp/empKeys.ts';
import { connectTestRedis, deleteByPrefix, randomPrefix, REDIS_URL } from './testRedis.ts';
import { tempWarehouse, type TempWarehouse } from './testWarehouse.ts';

async function almanac(cwd: string, ...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main({ argv, cwd, env: {}, stdout, stderr });
  return { code, out, err };
}

describe('almanac collect', () => {
  let redis: Redis;
  let prefix: string;
  let temp: TempWarehouse;

  beforeAll(async () => {
    redis = await connectTestRedis();
    prefix = randomPrefix('cli');
    temp = tempWarehouse('cli');
    const keys = empKeys(prefix);
    await redis.hset(keys.job('j1'), {
      id: 'j1',
      service_required: 'ollama',
      priority: '50',
      payload: '{"model":"llama3"}',
      created_at: new Date(Date.now() - 60_000).toISOString(),
      status: 'pending',
    });
    await redis.zadd(keys.pending, 50e15, 'j1');
  });
  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
    temp.remove();
  });

  it('prints a per-source JSON summary and exits 0', async () => {
    const args = ['--db', temp.file, 'collect', '--redis', REDIS_URL, '--layout', 'emp', '--prefix', prefix, '--json'];
    const first = await almanac(temp.dir, ...args);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.out) as { ok: boolean; sources: Record<string, unknown>[] };
    expect(summary.ok).toBe(true);
    expect(summary.sources).toEqual([
      expect.objectContaining({
        source: 'emp',
        layout: 'emp',
        status: 'ok',
        jobsNew: 1,
        jobsUpdated: 0,
        snapshots: 1,
        modelDownloads: 0,
        rejects: 0,
        gaps: 0,
        error: null,
      }),
    ]);
    expect(typeof summary.sources[0]!['seconds']).toBe('number');
    const again = JSON.parse((await almanac(temp.dir, ...args)).out) as typeof summary;
    expect(again.sources[0]).toMatchObject({ jobsNew: 0, jobsUpdated: 0 });
    const sql = await almanac(temp.dir, '--db', temp.file, 'sql', 'select name, status, queue from jobs', '--json');
    expect(JSON.parse(sql.out)).toEqual([{ name: 'ollama:llama3', status: 'waiting', queue: 'ollama' }]);
  });

  it('fails with exit 1, a clear message and no password when Redis is down', async () => {
    const r = await almanac(temp.dir, '--db', temp.file, 'collect', '--redis', 'redis://admin:hunter2@127.0.0.1:1');
    expect(r.code).toBe(1);
    expect(r.out).toContain('error[RedisUnreachable]');
    expect(r.out + r.err).not.toContain('hunter2');
  });

  it('explains what to do when there is no source', async () => {
    const r = await almanac(temp.dir, '--db', temp.file, 'collect');
    expect(r.code).toBe(2);
    expect(r.err).toContain('error[NoSources]');
  });
});
