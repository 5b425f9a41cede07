import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlmanacError } from '../../../src/errors/AlmanacError.ts';
import { parseConfig } from '../../../src/config/parseConfig.ts';

const baseDir = '/srv/almanac';

function problemsOf(raw: unknown, env: Record<string, string> = {}): string[] {
  try {
    parseConfig(raw, { baseDir, env });
  } catch (error) {
    expect(error).toBeInstanceOf(AlmanacError);
    const e = error as AlmanacError;
    expect(e.code).toBe('ConfigInvalid');
    expect(e.exitCode).toBe(2);
    return e.message
      .split('\n')
      .slice(1)
      .map((line) => line.trim());
  }
  throw new Error('expected the config to be rejected');
}

describe('parseConfig', () => {
  it('accepts an empty document and fills every default', () => {
    const config = parseConfig({}, { baseDir, env: {} });
    expect(config.timezone).toBe('UTC');
    expect(config.paths).toEqual({
      root: baseDir,
      data: path.join(baseDir, 'data'),
      warehouse: path.join(baseDir, 'data', 'almanac.duckdb'),
      reports: path.join(baseDir, 'data', 'reports'),
      archive: path.join(baseDir, 'data', 'archive'),
      outbox: path.join(baseDir, 'data', 'outbox'),
      dist: path.join(baseDir, 'dist'),
      pdf: path.join(baseDir, 'dist', 'pdf'),
    });
    expect(config.sources).toEqual([]);
    expect(config.schedule.collect).toBe('*/5 * * * *');
    expect(config.schedule.publish).toBe('0 6 * * *');
    expect(config.pools).toEqual({ fastMaxMs: 30_000, standardMaxMs: 180_000 });
    expect(config.targets.successRate).toBe(0.99);
    expect(config.pdf.budgets.daily.maxBytes).toBe(1_572_864);
    expect(config.pdf.budgets.monthly.maxBytes).toBe(4_194_304);
    expect(config.email.smtpUrl).toBeNull();
    expect(Object.isFrozen(config.paths)).toBe(true);
  });

  it('lists a wrong type, an unknown key and an invalid time zone together, each by path', () => {
    const problems = problemsOf({ timezone: 'Mars/Olympus_Mons', site: { title: 42 }, colour: 'blue' });
    expect(problems).toHaveLength(3);
    expect(problems).toContain('colour: unknown key (remove it or check its spelling)');
    expect(problems).toContain('site.title: expected a string, got a number (change it to a string)');
    expect(problems).toContain(
      'timezone: "Mars/Olympus_Mons" is not an IANA time zone (use a name such as "UTC" or "Europe/Paris")',
    );
  });

  it('reports nested problems with array indexes in the path', () => {
    const problems = problemsOf({
      sources: [
        { name: 'ok', layout: 'emp', redisUrl: 'redis://x' },
        { name: 'bad name', layout: 'sidekiq', redisUrl: 'http://x' },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sources\[1\]\.name: "bad name" must be 1-64 letters/),
        'sources[1].layout: must be one of "emp", "bullmq" (pick one of them)',
        expect.stringMatching(/^sources\[1\]\.redisUrl: "http:\/\/x" is not a Redis URL/),
      ]),
    );
  });

  it('accepts Sentinel and Cluster URLs and names what is wrong with a malformed one, password hidden', () => {
    const config = parseConfig(
      {
        sources: [
          { name: 's', layout: 'emp', redisUrl: 'rediss+sentinel://:pw@s1,s2:26380/main?sentinelPassword=x' },
          { name: 'c', layout: 'bullmq', redisUrl: 'redis+cluster://:pw@[::1]:7000,n2:7001' },
        ],
      },
      { baseDir, env: {} },
    );
    expect(config.sources.map((s) => s.redisUrl)).toEqual([
      'rediss+sentinel://:pw@s1,s2:26380/main?sentinelPassword=x',
      'redis+cluster://:pw@[::1]:7000,n2:7001',
    ]);
    const problems = problemsOf({
      sources: [
        { name: 'a', layout: 'emp', redisUrl: 'redis+sentinel://:Qx7secret@s1:26379' },
        { name: 'b', layout: 'emp', redisUrl: 'redis+cluster://:Qx7secret@n1/3' },
      ],
    });
    expect(problems).toEqual([
      'sources[0].redisUrl: "redis+sentinel://:***@s1:26379" is not a usable Redis URL: the master name is missing (…:26379/mymaster)',
      'sources[1].redisUrl: "redis+cluster://:***@n1/3" is not a usable Redis URL: a Redis Cluster has only database 0',
    ]);
  });

  it('rejects a bad cron expression, crossed pool boundaries and a missing required field', () => {
    const problems = problemsOf({
      schedule: { collect: 'every five minutes' },
      pools: { fastMaxSeconds: 300, standardMaxSeconds: 180 },
      email: { subscriptions: [{ kinds: ['daily'] }] },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^schedule\.collect: "every five minutes" is not a cron expression/),
        'pools: fastMaxSeconds must be below standardMaxSeconds',
        'email.subscriptions[0].recipients: expected an array, but it is missing (change it to an array)',
      ]),
    );
  });

  it('expands ${VAR} references from the environment and keeps $${ literal', () => {
    const config = parseConfig(
      {
        sources: [{ name: 'prod', layout: 'emp', redisUrl: '${REDIS_URL}' }],
        site: { title: 'Cost $${NOT_A_VAR}' },
      },
      { baseDir, env: { REDIS_URL: 'redis://:pw@cache:6379' } },
    );
    expect(config.sources[0]?.redisUrl).toBe('redis://:pw@cache:6379');
    expect(config.site.title).toBe('Cost ${NOT_A_VAR}');
  });

  it('reports a reference to an unset variable instead of using an empty value', () => {
    expect(problemsOf({ email: { smtpUrl: '${SMTP_URL}' } })).toEqual([
      'email.smtpUrl: refers to ${SMTP_URL}, which is not set (export SMTP_URL=… or remove the reference)',
    ]);
  });

  it('derives a default source from REDIS_URL and SMTP from SMTP_URL when the file names none', () => {
    const config = parseConfig(
      {},
      { baseDir, env: { REDIS_URL: 'redis://r:6379', ALMANAC_LAYOUT: 'bullmq', SMTP_URL: 'smtp://mail:25' } },
    );
    expect(config.sources).toEqual([
      {
        name: 'default',
        layout: 'bullmq',
        redisUrl: 'redis://r:6379',
        prefix: 'bull',
        queues: [],
        fullScanMinutes: 360,
      },
    ]);
    expect(config.email.smtpUrl).toBe('smtp://mail:25');
  });

  it('gives emp sources an empty prefix and bullmq sources "bull" unless set', () => {
    const config = parseConfig(
      {
        sources: [
          { name: 'a', layout: 'emp', redisUrl: 'redis://x' },
          { name: 'b', layout: 'bullmq', redisUrl: 'rediss://x' },
          { name: 'c', layout: 'bullmq', redisUrl: 'redis://x', prefix: 'q' },
        ],
      },
      { baseDir, env: {} },
    );
    expect(config.sources.map((s) => s.prefix)).toEqual(['', 'bull', 'q']);
  });

  it('resolves relative paths against the base directory and applies command-line overrides', () => {
    const config = parseConfig(
      { dataDir: 'state', distDir: '/var/www/almanac', timezone: 'UTC' },
      { baseDir, env: {}, overrides: { timezone: 'America/New_York', warehouse: '/tmp/w.duckdb' } },
    );
    expect(config.paths.data).toBe('/srv/almanac/state');
    expect(config.paths.reports).toBe('/srv/almanac/state/reports');
    expect(config.paths.dist).toBe('/var/www/almanac');
    expect(config.paths.warehouse).toBe('/tmp/w.duckdb');
    expect(config.timezone).toBe('America/New_York');
  });

  it('rejects an override time zone like any other value', () => {
    expect(() => parseConfig({}, { baseDir, env: {}, overrides: { timezone: 'CEST' } })).toThrow(
      /timezone: "CEST" is not an IANA/,
    );
  });

  it('reads PUPPETEER_EXECUTABLE_PATH into the pdf settings', () => {
    const config = parseConfig({}, { baseDir, env: { PUPPETEER_EXECUTABLE_PATH: '/opt/chrome' } });
    expect(config.pdf.envExecutablePath).toBe('/opt/chrome');
    expect(config.pdf.executablePath).toBeNull();
  });

  it('rejects a document that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual(['(root): expected an object, got an array (change it to an object)']);
  });
});
