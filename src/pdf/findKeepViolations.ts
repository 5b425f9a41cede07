/** A block the print layout keeps whole, measured in the continuous print-media layout (CSS px from the top). */
export interface KeptBlock {
  /** Human description for the gate message, e.g. `figure.chart "Volume and success rate"`. */
  label: string;
  top: number;
  bottom: number;
  /** Whether its computed `break-inside` is `avoid` (the engine then moves it to the next page when it fits). */
  avoid: boolean;
  /** For a table row: the height of the table's repeated header, which a page break inserts above it. */
  repeatedHeader: number;
}

export interface KeepViolation {
  label: string;
  /** 1-based page the block starts on. */
  page: number;
  /** How far it runs past the bottom of that page, in CSS px. */
  overflowPx: number;
  reason: 'taller-than-page' | 'not-kept-together';
}

export interface Pagination {
  violations: KeepViolation[];
  /** Predicted page count, a cross-check against the PDF (not gated: the model ignores margins collapsing). */
  pages: number;
}

/**
 * Paginates the continuous layout the way a print engine does for kept blocks: a block that would straddle a page
 * boundary moves down to the next page if its `break-inside` is `avoid` and it fits in a page, pushing everything
 * after it down; otherwise it is split, which the gate reports. Forced breaks (`break-before: page`) start a new
 * page. Text between blocks may break at any line, so it only moves with the pushes. The model is deliberately
 * simple: it can drift by a few pixels, but it never reports a kept block that fits, so it cannot fail a good report.
 */
export function findKeepViolations(input: {
  blocks: readonly KeptBlock[];
  forcedBreaks: readonly number[];
  documentHeight: number;
  pageHeight: number;
}): Pagination {
  const { pageHeight } = input;
  const epsilon = 0.5;
  type Event = { at: number; block: KeptBlock | null };
  const events: Event[] = [
    ...input.forcedBreaks.map((at) => ({ at, block: null })),
    ...input.blocks.map((block) => ({ at: block.top, block })),
  ].sort((a, b) => a.at - b.at || (a.block === null ? -1 : 1));
  let shift = 0;
  const violations: KeepViolation[] = [];
  for (const { at, block } of events) {
    const top = at + shift;
    const pageIndex = Math.floor((top + epsilon) / pageHeight);
    const pageStart = pageIndex * pageHeight;
    if (block === null) {
      if (top - pageStart > epsilon) shift += pageStart + pageHeight - top;
      continue;
    }
    const height = block.bottom - block.top;
    const pageEnd = pageStart + pageHeight;
    if (top + height <= pageEnd + epsilon) continue;
    if (block.avoid && height + block.repeatedHeader <= pageHeight + epsilon) {
      shift += pageEnd - top + block.repeatedHeader;
      continue;
    }
    violations.push({
      label: block.label,
      page: pageIndex + 1,
      overflowPx: Math.round(top + height - pageEnd),
      reason: height > pageHeight ? 'taller-than-page' : 'not-kept-together',
    });
  }
  const pages = Math.max(1, Math.ceil((input.documentHeight + shift - epsilon) / pageHeight));
  return { violations, pages };
}
