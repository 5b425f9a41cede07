import { describe, expect, it } from 'vitest';
import { csvText } from '../../../src/site/csvText.ts';
import { formatKpiDelta, formatKpiValue } from '../../../src/site/formatKpiValue.ts';
import { buildSiteIndex, children, neighbours, parents, type IndexEntry } from '../../../src/site/SiteIndex.ts';
import { archiveView } from '../../../src/site/archiveView.ts';
import { reportHref, rootPrefix } from '../../../src/site/pagePath.ts';

function entry(
  kind: IndexEntry['kind'],
  id: string,
  start: string,
  end: string,
  rate: number | null = 0.995,
): IndexEntry {
  return {
    kind,
    id,
    start,
    end,
    label: id,
    status: 'healthy',
    successRate: rate,
    target: 0.99,
    restated: false,
    partial: false,
    closed: true,
  };
}

const index = buildSiteIndex([
  entry('daily', '2026-11-21', '2026-11-21T05:00:00Z', '2026-11-22T05:00:00Z', 0.98),
  entry('daily', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', null),
  entry('daily', '2026-11-20', '2026-11-20T05:00:00Z', '2026-11-21T05:00:00Z', 0.96),
  entry('weekly', '2026-W47', '2026-11-16T05:00:00Z', '2026-11-23T05:00:00Z'),
  entry('monthly', '2026-11', '2026-11-01T04:00:00Z', '2026-12-01T05:00:00Z'),
]);

describe('csvText', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          ['=HYPERLINK("x")', 'say "hi", ok'],
          [null, 3],
          ['-2+3', '@sum'],
        ],
      ),
    ).toBe('a,b\r\n"\'=HYPERLINK(""x"")","say ""hi"", ok"\r\n,3\r\n\'-2+3,\'@sum\r\n');
  });
});

describe('formatKpiValue', () => {
  it('never turns missing data into zero', () => {
    expect(formatKpiValue(null, 'count')).toBe('no data');
    expect(formatKpiDelta(null, null, 'count')).toBeNull();
  });
  it('formats by unit', () => {
    expect(formatKpiValue(0.9834, 'fraction')).toBe('98.3%');
    expect(formatKpiValue(12345, 'count')).toBe('12,345');
    expect(formatKpiValue(95_000, 'ms')).toBe('1.6 min');
    expect(formatKpiDelta(-0.012, -0.0121, 'fraction')).toBe('−1.2 pts');
    expect(formatKpiDelta(250, 0.25, 'count')).toBe('+25%');
  });
});

describe('SiteIndex', () => {
  it('orders by period start and finds neighbours', () => {
    expect(index.byKind.daily.map((e) => e.id)).toEqual(['2026-11-01', '2026-11-20', '2026-11-21']);
    const n = neighbours(index, 'daily', '2026-11-20');
    expect([n.prev?.id, n.next?.id]).toEqual(['2026-11-01', '2026-11-21']);
    expect(neighbours(index, 'daily', '2026-11-21').next).toBeNull();
  });
  it('links a day up to its week and month', () => {
    expect(parents(index, 'daily', '2026-11-20T05:00:00Z').map((e) => e.id)).toEqual(['2026-W47', '2026-11']);
    expect(parents(index, 'daily', '2026-11-01T04:00:00Z').map((e) => e.id)).toEqual(['2026-11']);
    expect(children(index, 'daily', '2026-11-16T05:00:00Z', '2026-11-23T05:00:00Z').map((e) => e.id)).toEqual([
      '2026-11-20',
      '2026-11-21',
    ]);
  });
});

describe('archiveView', () => {
  it('lays out a month calendar Monday first, coloured against the target', () => {
    const view = archiveView(index, 'Almanac');
    expect(view.months.map((m) => m.id)).toEqual(['2026-11']);
    const nov = view.months[0]!;
    expect(nov.offset).toBe(6); // 1 November 2026 is a Sunday
    expect(nov.days).toHaveLength(30);
    expect(nov.href).toBe('../monthly/2026-11/index.html');
    const day = (d: number) => nov.days[d - 1]!;
    expect([day(1).level, day(20).level, day(21).level, day(2).level]).toEqual(['none', 'bad', 'watch', 'none']);
    expect(day(2).href).toBeNull();
    expect(day(21).href).toBe('../daily/2026-11-21/index.html');
  });
});

describe('pagePath', () => {
  it('builds relative links that name index.html', () => {
    expect(rootPrefix(0)).toBe('./');
    expect(reportHref(rootPrefix(2), 'weekly', '2026-W47')).toBe('../../weekly/2026-W47/index.html');
  });
});
