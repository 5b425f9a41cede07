import { describe, expect, it } from 'vitest';
import { findKeepViolations, type KeptBlock } from '../../../src/pdf/findKeepViolations.ts';

const block = (label: string, top: number, bottom: number, avoid = true, repeatedHeader = 0): KeptBlock => ({
  label,
  top,
  bottom,
  avoid,
  repeatedHeader,
});

describe('findKeepViolations', () => {
  it('moves a kept block that straddles a boundary to the next page, and the blocks after it too', () => {
    const result = findKeepViolations({
      blocks: [block('a', 900, 1100), block('b', 1100, 1950)],
      forcedBreaks: [],
      documentHeight: 2000,
      pageHeight: 1000,
    });
    // a moves to 1000..1200, b to 1200..2050: it now straddles page 2's end and moves again.
    expect(result.violations).toEqual([]);
    expect(result.pages).toBe(3);
  });

  it('reports a block taller than a page', () => {
    const { violations } = findKeepViolations({
      blocks: [block('tall', 100, 1300)],
      forcedBreaks: [],
      documentHeight: 1400,
      pageHeight: 1000,
    });
    expect(violations).toEqual([{ label: 'tall', page: 1, overflowPx: 300, reason: 'taller-than-page' }]);
  });

  it('reports a block that is not kept together when it straddles a boundary', () => {
    const { violations } = findKeepViolations({
      blocks: [block('loose', 800, 1200, false)],
      forcedBreaks: [],
      documentHeight: 1300,
      pageHeight: 1000,
    });
    expect(violations).toEqual([{ label: 'loose', page: 1, overflowPx: 200, reason: 'not-kept-together' }]);
  });

  it('starts a new page at a forced break, which can make a later block straddle', () => {
    const { violations, pages } = findKeepViolations({
      blocks: [block('after-break', 500, 900, false)],
      forcedBreaks: [400],
      documentHeight: 900,
      pageHeight: 1000,
    });
    // The break moves 400 to 1000: the block sits at 1100..1500, inside page 2.
    expect(violations).toEqual([]);
    expect(pages).toBe(2);
    const straddles = findKeepViolations({
      blocks: [block('after-break', 1300, 1800, false)],
      forcedBreaks: [400],
      documentHeight: 1800,
      pageHeight: 1000,
    });
    expect(straddles.violations).toEqual([
      { label: 'after-break', page: 2, overflowPx: 400, reason: 'not-kept-together' },
    ]);
  });

  it('ignores a forced break at the top of a page', () => {
    const { pages } = findKeepViolations({
      blocks: [],
      forcedBreaks: [0, 1000],
      documentHeight: 1500,
      pageHeight: 1000,
    });
    expect(pages).toBe(2);
  });

  it('counts the repeated table header a moved row sits under', () => {
    const rows = (header: number) =>
      Array.from({ length: 44 }, (_, i) => block(`row ${i}`, i * 45, i * 45 + 45, true, header));
    const paginate = (header: number) =>
      findKeepViolations({ blocks: rows(header), forcedBreaks: [], documentHeight: 44 * 45, pageHeight: 1000 });
    // Without a header the last row just fits on page 2; the 30px header repeated on page 2 pushes it to page 3.
    expect(paginate(0)).toEqual({ violations: [], pages: 2 });
    expect(paginate(30)).toEqual({ violations: [], pages: 3 });
  });
});
