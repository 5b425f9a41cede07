// Hostile input end to end: the corpus of tests/fixtures/hostile/ (injection strings, control characters, invalid
// UTF-8, megabyte values, deep JSON, timestamps in 9999 and before 1970, negative durations, ids with path
// separators) is written into a private Redis next to a simulated fleet, then `almanac collect`, `analyze` and
// `build` run as a user runs them. Every record is decoded or quarantined, no run crashes, and nothing reaches the
// site unescaped.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisEmpSink } from '../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../src/simulate/simulateToRedis.ts';
import { empKeys } from '../../src/sources/emp/empKeys.ts';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.ts';
import { runAlmanac } from '../helpers/runAlmanac.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { hostileEmpJobs, XSS_MARKER, type HostileRecord } from './hostileValues.ts';
import { TEST_TIMEOUT } from './scale.ts';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

const DAY = '2026-11-20';
// Records with hostile timestamps go under their own key prefix (a second source, a second warehouse): they are
// collected like the rest, but they trip an analysis bug (below) that would hide the escaping check.
const TIMES_PREFIX = 't:';
// Records whose time is a 16-digit epoch: they trip a collector bug (below), so they get a third prefix.
const POISON_PREFIX = 'p:';

function isPoison(r: HostileRecord): boolean {
  return Object.values(r.fields).some((v) => typeof v === 'string' && /^\s*\d{16}\s*$/.test(v));
}

function isTimeRecord(r: HostileRecord): boolean {
  return r.name.startsWith('time ') && !isPoison(r);
}

function prefixOf(r: HostileRecord): string {
  return isPoison(r) ? POISON_PREFIX : isTimeRecord(r) ? TIMES_PREFIX : '';
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

describe('hostile corpus through collect, analyze and build', () => {
  let redis: RedisServer;
  let cwd: string;
  let cwdTimes: string;
  let cwdPoison: string;
  const records = hostileEmpJobs();
  const keyOf = (i: number) => `job:hostile-key-${i}`;
  const warehouseOf = (dir: string) => Warehouse.open(path.join(dir, 'data', 'almanac.duckdb'), { readOnly: true });

  async function unaccounted(dir: string, which: (r: HostileRecord) => boolean, prefix: string): Promise<string[]> {
    const w = await warehouseOf(dir);
    try {
      const jobIds = new Set((await w.all<{ job_id: string }>('SELECT job_id FROM jobs')).map((r) => r.job_id));
      const rejectKeys = new Set((await w.all<{ key: string }>('SELECT key FROM rejects')).map((r) => r.key));
      return records
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => which(r))
        .filter(({ r, i }) => !rejectKeys.has(prefix + keyOf(i)) && !jobIds.has(String(r.fields['id'])))
        .map(({ r }) => r.name);
    } finally {
      await w.close();
    }
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    cwd = tempDir('almanac-hostile');
    cwdTimes = tempDir('almanac-hostile-times');
    cwdPoison = tempDir('almanac-hostile-poison');
    await simulateToRedis(
      { seed: 11, end: Date.parse(`${DAY}T23:59:59Z`) + 1000, days: 2, machines: 4, jobsPerDay: 400 },
      new RedisEmpSink(redis.admin),
      '',
    );
    const keys = empKeys('');
    for (const [i, r] of records.entries()) {
      const prefix = prefixOf(r);
      await redis.admin.hset(prefix + keyOf(i), r.fields);
      await redis.admin.hset(empKeys(prefix).completed, String(r.fields['id']), JSON.stringify({ success: true }));
    }
    // Keys that are not hashes where hashes belong.
    await redis.admin.set('job:not-a-hash', '<script>alert("almanac-xss")</script>');
    await redis.admin.rpush('job:a-list', 'x');
    await redis.admin.zadd(keys.pending, 1, '../../../etc/passwd', 2, "<script>alert('almanac-xss')</script>");
    await redis.admin.hset('machine:<b>m</b>:info', { machine_id: "<img src=x onerror=alert('almanac-xss')>" });
    await redis.admin.xadd('telemetry:events', '*', 'span', '{"name":"model.download","attributes":{}}');
    await redis.admin.xadd('telemetry:events', '*', 'span', '[[[[[[[[[[');
    writeFileSync(
      path.join(cwd, 'almanac.config.json'),
      JSON.stringify({ timezone: 'UTC', sources: [{ name: 'fleet', layout: 'emp', redisUrl: redis.url }] }),
    );
    for (const [dir, prefix] of [
      [cwdTimes, TIMES_PREFIX],
      [cwdPoison, POISON_PREFIX],
    ] as const) {
      writeFileSync(
        path.join(dir, 'almanac.config.json'),
        JSON.stringify({ timezone: 'UTC', sources: [{ name: 'hostile', layout: 'emp', redisUrl: redis.url, prefix }] }),
      );
    }
  }, 180_000);

  afterAll(async () => {
    await redis?.stop();
  });

  it('collect decodes or quarantines every hostile record and exits 0', async () => {
    const run = await runAlmanac(['collect', '--json'], { cwd, timeoutMs: 180_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(await unaccounted(cwd, (r) => prefixOf(r) === '', '')).toEqual([]);
    const w = await warehouseOf(cwd);
    try {
      const rejectKeys = (await w.all<{ key: string }>('SELECT key FROM rejects')).map((r) => r.key);
      expect(rejectKeys).toContain('job:not-a-hash');
      // What was kept is safe to store and show: no negative durations, no control characters or separators in ids.
      const bad = await w.all(
        `SELECT job_id FROM jobs WHERE wait_ms < 0 OR run_ms < 0 OR regexp_matches(job_id, '[\\x00-\\x1f/\\\\]')`,
      );
      expect(bad).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('collect takes timestamps in 9999, before 1970 and out of range without failing', async () => {
    const run = await runAlmanac(['collect', '--json'], { cwd: cwdTimes, timeoutMs: 180_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(await unaccounted(cwdTimes, isTimeRecord, TIMES_PREFIX)).toEqual([]);
  });

  it('analyze and build publish the day with every hostile string escaped', async () => {
    const analyze = await runAlmanac(['analyze', '--through', DAY], { cwd, timeoutMs: 300_000 });
    expect(analyze.code, analyze.stderr).toBe(0);
    const build = await runAlmanac(['build'], { cwd, timeoutMs: 300_000 });
    expect(build.code, build.stderr).toBe(0);
    const dist = path.join(cwd, 'dist');
    const pages = filesUnder(dist).filter((f) => /\.(html|svg|xml|json|csv)$/.test(f));
    expect(pages.some((f) => f.endsWith(path.join('daily', DAY, 'index.html')))).toBe(true);
    const offenders: string[] = [];
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes(XSS_MARKER) && !/onerror=|onload=/i.test(text)) continue;
      if (file.endsWith('.json') || file.endsWith('.csv')) continue; // data, served as text
      // Raw markup from Redis: a tag that would execute in a browser.
      for (const raw of ["<script>alert('almanac-xss')", '<img src=x onerror', '<svg onload=']) {
        if (text.includes(raw)) offenders.push(`${path.relative(dist, file)}: ${raw}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('ids used in file names cannot escape their folder', async () => {
    const outside = path.join(path.dirname(cwd), `almanac-escape-${process.pid}`);
    for (const ref of [
      `daily:../../../../${path.basename(outside)}`,
      'daily:2026-11-20/../../../x',
      'weekly:..',
      '../daily:2026-11-20',
    ]) {
      const run = await runAlmanac(['pdf', '--report', ref], { cwd, timeoutMs: 120_000 });
      expect(run.code, `pdf --report ${ref}`).not.toBe(0);
      expect(run.stderr).toMatch(/error\[[A-Za-z]+\]/);
    }
    expect(readdirSync(path.dirname(cwd)).some((f) => f.startsWith(path.basename(outside)))).toBe(false);
    // A bundle file whose name is markup (legal on Linux) is skipped or refused, never turned into a page path.
    const daily = path.join(cwd, 'data', 'reports', 'daily');
    const some = readdirSync(daily).find((f) => f.endsWith('.json'))!;
    writeFileSync(
      path.join(daily, "<img src=x onerror=alert('almanac-xss')>.json"),
      readFileSync(path.join(daily, some)),
    );
    writeFileSync(path.join(daily, '..json'), readFileSync(path.join(daily, some)));
    const build = await runAlmanac(['build'], { cwd, timeoutMs: 300_000 });
    expect(build.code === 0 || /error\[[A-Za-z]+\]/.test(build.stderr), build.stderr).toBe(true);
    const dist = path.join(cwd, 'dist');
    expect(filesUnder(dist).filter((f) => /[<>]|\/\.\.?\//.test(path.relative(dist, f)))).toEqual([]);
  });

  // Regression: a job whose created_at is "0001-01-01T00:00:00Z" used to be collected, and `almanac analyze` then
  // died naming the period "0001-01-01": one hostile record stopped every publication. emp times are now bounded
  // to 2000-2100 at the decoder, so the record is quarantined in `rejects`.
  it('a job created in the year 0001 is quarantined and does not stop analyze', async () => {
    const analyze = await runAlmanac(['analyze', '--through', DAY], { cwd: cwdTimes, timeoutMs: 300_000 });
    expect(analyze.code, analyze.stderr).toBe(0);
  });

  // Regression: a time written as 16 digits ("9999999999999999") used to overflow TIMESTAMPTZ when the unit was
  // loaded, failing every pass until someone deleted the key by hand (a poison record). It is now rejected.
  it('a job hash with a 16-digit timestamp is quarantined; the collection succeeds', async () => {
    const run = await runAlmanac(['collect', '--json'], { cwd: cwdPoison, timeoutMs: 180_000 });
    expect(run.code, run.stderr).toBe(0);
  });
});
