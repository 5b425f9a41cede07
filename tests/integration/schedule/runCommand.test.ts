// `almanac run`, `almanac status` and `almanac backfill` through the real CLI, on cases that need no fleet.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const dir = tempDir('run-command');

describe('almanac run', () => {
  it('stops at the first failing step, names it and what did not run, and logs it for status', async () => {
    // Port 1 refuses connections: the collection fails at once.
    writeFileSync(
      path.join(dir, 'almanac.config.json'),
      JSON.stringify({ sources: [{ name: 'down', layout: 'emp', redisUrl: 'redis://:secret@127.0.0.1:1' }] }),
    );
    const run = await runAlmanac(['run'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('collect  failed\n');
    expect(run.stderr).toMatch(/error\[\w+\]: almanac run stopped: collect failed: .*Not run: publish, deliver\./);
    expect(run.stderr).not.toContain('secret');

    const status = await runAlmanac(['status', '--json'], { cwd: dir });
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout) as {
      daemon: unknown;
      jobs: { job: string; lastRun: { status: string; trigger: string } | null }[];
      failures: { job: string; status: string }[];
    };
    expect(report.daemon).toBeNull();
    expect(report.jobs.map((j) => [j.job, j.lastRun?.status ?? null, j.lastRun?.trigger ?? null])).toEqual([
      ['collect', 'failed', 'run'],
      ['publish', null, null],
      ['deliver', null, null],
    ]);
    expect(report.failures).toMatchObject([{ job: 'collect', status: 'failed' }]);
    const text = await runAlmanac(['status'], { cwd: dir });
    expect(text.stdout).toContain('Failures (last 7 days, newest first): 1');
    expect(text.stdout).not.toContain('secret');
  });
});

describe('almanac backfill', () => {
  it('checks its range before touching anything', async () => {
    const reversed = await runAlmanac(['backfill', '--from', '2026-11-10', '--to', '2026-11-01'], { cwd: dir });
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('error[BadUsage]: --from 2026-11-10 is after --to 2026-11-01.');
    const missing = await runAlmanac(['backfill', '--from', '2026-11-01'], { cwd: dir });
    expect(missing.stderr).toContain('needs --to DATE');
  });
});
