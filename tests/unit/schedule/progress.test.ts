import { describe, expect, it } from 'vitest';
import type { LogFields, Logger } from '../../../src/log/Logger.ts';
import { createProgress } from '../../../src/progress/createProgress.ts';
import { formatDuration, formatProgressBar } from '../../../src/progress/formatProgress.ts';

function capture(isTTY: boolean) {
  let text = '';
  const lines: [string, LogFields | undefined][] = [];
  const logger: Logger = {
    debug() {},
    info: (message, fields) => lines.push([message, fields]),
    warn() {},
    error() {},
    child: () => logger,
  };
  const stream = Object.assign(
    { write: (chunk: string) => ((text += chunk), true) },
    { isTTY, columns: 100 },
  ) as unknown as NodeJS.WritableStream & { isTTY: boolean };
  return { logger, stream, lines, text: () => text };
}

describe('formatProgressBar', () => {
  it('shows bar, percent, counts, rate and ETA', () => {
    const line = formatProgressBar(
      { label: 'pdf', done: 5, total: 10, elapsedMs: 2500, detail: 'daily/2026-11-21' },
      200,
    );
    expect(line).toBe('pdf  [##########----------]   50%  5/10  2.0/s  ETA 0:03  daily/2026-11-21');
  });
  it('counts without a bar when the total is unknown, and fits the width', () => {
    expect(formatProgressBar({ label: 'collect', done: 1200, total: null, elapsedMs: 1000 }, 80)).toBe(
      'collect  1200  1200/s',
    );
    expect(formatProgressBar({ label: 'x'.repeat(50), done: 1, total: 2, elapsedMs: 0 }, 20)).toHaveLength(20);
  });
  it('formats durations', () => {
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(59_000)).toBe('0:59');
  });
});

describe('createProgress', () => {
  it('redraws one line on a terminal and ends it with a newline', () => {
    let t = 0;
    const out = capture(true);
    const progress = createProgress({ stream: out.stream, logger: out.logger, now: () => t })('simulate', 3);
    progress.advance();
    t = 50;
    progress.advance();
    t = 200;
    progress.advance();
    progress.finish();
    expect(out.text()).toContain('\r\x1b[2Ksimulate  [');
    expect(out.text().match(/\r/g)).toHaveLength(3); // the redraw at t=50 was throttled
    expect(out.text().endsWith('simulate: 3/3 done in 0:00\n')).toBe(true);
    expect(out.lines).toHaveLength(0);
  });
  it('logs a line at most every interval off a terminal', () => {
    let t = 0;
    const out = capture(false);
    const progress = createProgress({ stream: out.stream, logger: out.logger, now: () => t, logIntervalMs: 1000 })(
      'backfill',
      100,
    );
    for (let i = 0; i < 100; i++) {
      t += 50;
      progress.advance(1, `day ${i}`);
    }
    progress.finish('100 days');
    expect(out.text()).toBe('');
    expect(out.lines.length).toBe(6); // t=50 first, then every 1000 ms up to 5000, then the summary
    expect(out.lines[1]).toEqual(['backfill: 21/100', { percent: 21, perSecond: 20, eta: '0:04', at: 'day 20' }]);
    expect(out.lines.at(-1)![0]).toBe('backfill: 100 days in 0:05');
  });
});
