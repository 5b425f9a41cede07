// Long work off a terminal (a pipe, as under systemd, cron or CI): progress arrives as periodic structured log lines
// on stderr, and stdout carries only the --json result.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAlmanac, type AlmanacRun } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const dir = tempDir('almanac-progress');

beforeAll(() => {
  // Progress lines every 50 ms instead of every 10 s, so that even short runs show several.
  writeFileSync(
    path.join(dir, 'almanac.config.json'),
    JSON.stringify({ timezone: 'UTC', log: { progressSeconds: 0.05 } }),
  );
});

interface LogLine {
  level: string;
  msg: string;
  percent?: number;
  at?: string;
}

/** Every stderr line is one JSON log record (the logger's format off a terminal); none is a bar. */
function logLines(run: AlmanacRun): LogLine[] {
  expect(run.stderr).not.toContain('\r');
  return run.stderr
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as LogLine);
}

/** The progress lines of a task: `<label>: done/total`, then one closing `<label>: … in m:ss` line. */
function progressOf(lines: LogLine[], label: string): { updates: LogLine[]; closing: LogLine[] } {
  const updates = lines.filter((l) => new RegExp(`^${label}: \\d+/\\d+$`).test(l.msg));
  const closing = lines.filter((l) => new RegExp(`^${label}: .* in \\d+:\\d{2}$`).test(l.msg));
  return { updates, closing };
}

function expectSteadyProgress(run: AlmanacRun, label: string): void {
  expect(run.code, run.stderr.slice(-2000)).toBe(0);
  const { updates, closing } = progressOf(logLines(run), label);
  expect(updates.length, `${label} progress lines`).toBeGreaterThanOrEqual(2);
  for (const update of updates) expect(update.level).toBe('info');
  const percents = updates.map((u) => u.percent ?? -1);
  expect(percents).toEqual([...percents].sort((a, b) => a - b));
  expect(closing).toHaveLength(1);
  // stdout is exactly one JSON document.
  expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  expect(run.stdout.trim().startsWith('{')).toBe(true);
}

describe('progress without a terminal', () => {
  it('simulate, analyze and a full build log periodic progress lines; stdout is clean JSON', async () => {
    const simulate = await runAlmanac(
      [
        'simulate',
        '--warehouse',
        '--days',
        '30',
        '--end',
        '2026-11-20',
        '--machines',
        '4',
        '--jobs-per-day',
        '300',
        '--json',
      ],
      { cwd: dir, timeoutMs: 300_000 },
    );
    expectSteadyProgress(simulate, 'simulate');
    expect(JSON.parse(simulate.stdout)).toMatchObject({ mode: 'warehouse', source: 'simulated' });
    const days = progressOf(logLines(simulate), 'simulate').updates.map((u) => u.msg);
    expect(days.at(-1)).toMatch(/^simulate: \d+\/30$/);

    const analyze = await runAlmanac(['analyze', '--json'], { cwd: dir, timeoutMs: 300_000 });
    expectSteadyProgress(analyze, 'analyze');
    const written = (JSON.parse(analyze.stdout) as { written: unknown[] }).written.length;
    expect(written).toBeGreaterThan(30);

    const build = await runAlmanac(['build', '--full', '--json'], { cwd: dir, timeoutMs: 400_000 });
    expectSteadyProgress(build, 'build');
    expect(JSON.parse(build.stdout)).toMatchObject({ mode: 'full', reports: written });
  }, 900_000);
});
