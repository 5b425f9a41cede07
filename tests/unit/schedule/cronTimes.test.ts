import { describe, expect, it } from 'vitest';
import { catchUpDue } from '../../../src/schedule/catchUpDue.ts';
import { nextFireTime, previousFireTime } from '../../../src/schedule/cronTimes.ts';

const at = (iso: string) => new Date(iso);

describe('nextFireTime / previousFireTime', () => {
  it('reads the expression in the report time zone, not the host zone', () => {
    expect(nextFireTime('0 6 * * *', 'Europe/Paris', at('2026-11-23T01:00:00Z'))).toEqual(at('2026-11-23T05:00:00Z'));
    expect(previousFireTime('0 6 * * *', 'Europe/Paris', at('2026-11-23T01:00:00Z'))).toEqual(
      at('2026-11-22T05:00:00Z'),
    );
    expect(nextFireTime('0 6 * * *', 'Asia/Tokyo', at('2026-11-23T01:00:00Z'))).toEqual(at('2026-11-23T21:00:00Z'));
  });

  it('is strict after and inclusive before', () => {
    const tick = at('2026-11-23T05:00:00Z');
    expect(nextFireTime('0 6 * * *', 'Europe/Paris', tick)).toEqual(at('2026-11-24T05:00:00Z'));
    expect(previousFireTime('0 6 * * *', 'Europe/Paris', tick)).toEqual(tick);
  });

  it('handles second-level expressions and 5-minute steps', () => {
    expect(nextFireTime('*/2 * * * * *', 'UTC', at('2026-11-23T01:00:00.500Z'))).toEqual(at('2026-11-23T01:00:02Z'));
    expect(previousFireTime('*/5 * * * *', 'UTC', at('2026-11-23T01:04:59Z'))).toEqual(at('2026-11-23T01:00:00Z'));
  });

  it('never fires a local time that DST skips, and fires a repeated one twice', () => {
    // Paris springs forward on 2026-03-29 at 02:00: 02:30 does not exist that day.
    expect(nextFireTime('30 2 * * *', 'Europe/Paris', at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-30T00:30:00Z'));
    // New York falls back on 2026-11-01: 01:30 happens at 05:30Z and again at 06:30Z.
    const first = nextFireTime('30 1 * * *', 'America/New_York', at('2026-11-01T00:00:00Z'))!;
    expect(first).toEqual(at('2026-11-01T05:30:00Z'));
    expect(nextFireTime('30 1 * * *', 'America/New_York', first)).toEqual(at('2026-11-01T06:30:00Z'));
  });

  it('finds monthly and weekly times across long gaps', () => {
    expect(previousFireTime('0 6 1 * *', 'America/New_York', at('2026-11-23T01:00:00Z'))).toEqual(
      at('2026-11-01T11:00:00Z'),
    );
    // 2026-11-23 is a Monday.
    expect(nextFireTime('0 7 * * 1', 'UTC', at('2026-11-23T08:00:00Z'))).toEqual(at('2026-11-30T07:00:00Z'));
  });
});

describe('catchUpDue', () => {
  const now = at('2026-11-23T09:30:00Z');
  it('is the missed publish time when the last successful run is older', () => {
    expect(catchUpDue('0 6 * * *', 'Europe/Paris', now, at('2026-11-20T05:00:10Z'))).toEqual(
      at('2026-11-23T05:00:00Z'),
    );
    expect(catchUpDue('0 6 * * *', 'Europe/Paris', now, null)).toEqual(at('2026-11-23T05:00:00Z'));
  });
  it('is null when a run started at or after the last scheduled time', () => {
    expect(catchUpDue('0 6 * * *', 'Europe/Paris', now, at('2026-11-23T05:00:00Z'))).toBeNull();
  });
});
