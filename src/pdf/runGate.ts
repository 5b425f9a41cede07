import { findKeepViolations } from './findKeepViolations.ts';
import { verdictOf, type GateCheck, type GateVerdict } from './GateCheck.ts';
import type { LayoutFindings } from './measureLayout.ts';
import type { PdfFacts } from './readPdfFacts.ts';
import { squashText } from './squashText.ts';

export interface GateInput {
  findings: LayoutFindings;
  facts: PdfFacts;
  bytes: number;
  budget: { maxBytes: number; maxPages: number };
  pageHeightPx: number;
  /** KPI values as printed, keyed by KPI name. */
  kpiTexts: Record<string, string>;
  /** A sentence that must be on page 1 (the verdict headline), or null. */
  firstPageText: string | null;
  /** Set when writing the metadata failed. */
  metadataError: string | null;
}

/** The release gate over one printed report: pure, so every rule is unit-tested without a browser. */
export function runGate(input: GateInput): GateVerdict {
  const { findings, facts } = input;
  const checks: GateCheck[] = [];

  const undrawn = findings.charts.filter((c) => c.state !== 'drawn' && c.state !== 'no-data');
  checks.push(
    findings.charts.length === 0
      ? { check: 'charts', ok: false, detail: 'the page has no chart figures' }
      : undrawn.length > 0
        ? {
            check: 'charts',
            ok: false,
            detail: `${undrawn.length} of ${findings.charts.length} charts not drawn: ${undrawn
              .slice(0, 3)
              .map((c) => `${c.label} (${c.state})`)
              .join(', ')}`,
          }
        : { check: 'charts', ok: true, detail: `${findings.charts.length} charts drawn` },
  );

  const pagination = findKeepViolations({
    blocks: findings.blocks,
    forcedBreaks: findings.forcedBreaks,
    documentHeight: findings.documentHeight,
    pageHeight: input.pageHeightPx,
  });
  checks.push(
    pagination.violations.length > 0
      ? {
          check: 'keep-together',
          ok: false,
          detail: pagination.violations
            .slice(0, 3)
            .map((v) =>
              v.reason === 'taller-than-page'
                ? `${v.label} is taller than a page (split on page ${v.page})`
                : `${v.label} crosses the bottom of page ${v.page} by ${v.overflowPx}px`,
            )
            .join(', '),
        }
      : { check: 'keep-together', ok: true, detail: `${findings.blocks.length} kept blocks whole` },
  );

  const tooWide = findings.scrollWidth > findings.viewportWidth + 1 || findings.overflow.length > 0;
  checks.push(
    tooWide
      ? {
          check: 'overflow',
          ok: false,
          detail:
            `content is ${findings.scrollWidth}px wide for ${findings.viewportWidth}px of paper` +
            (findings.overflow.length
              ? `: ${findings.overflow
                  .slice(0, 3)
                  .map((o) => `${o.label} (to ${o.right}px)`)
                  .join(', ')}`
              : ''),
        }
      : { check: 'overflow', ok: true, detail: 'nothing wider than the paper' },
  );

  checks.push(
    input.metadataError
      ? { check: 'metadata', ok: false, detail: input.metadataError }
      : { check: 'metadata', ok: true, detail: `title "${String(facts.info.Title ?? '')}"` },
  );
  checks.push(
    facts.outline.length > 0
      ? { check: 'outline', ok: true, detail: `${facts.outline.length} top-level bookmarks` }
      : { check: 'outline', ok: false, detail: 'the PDF has no bookmark outline' },
  );
  checks.push({
    check: 'pages',
    ok: facts.pages <= input.budget.maxPages,
    detail: `${facts.pages} pages (budget ${input.budget.maxPages})`,
  });
  checks.push({
    check: 'size',
    ok: input.bytes <= input.budget.maxBytes,
    detail: `${input.bytes} bytes (budget ${input.budget.maxBytes})`,
  });

  const text = squashText(facts.pageTexts.join(' '));
  const missing = Object.entries(input.kpiTexts).filter(([, value]) => !text.includes(squashText(value)));
  checks.push(
    missing.length
      ? {
          check: 'kpi-text',
          ok: false,
          detail: `${missing.length} KPI values not in the text: ${missing
            .slice(0, 4)
            .map(([name, value]) => `${name}=${value}`)
            .join(', ')}`,
        }
      : { check: 'kpi-text', ok: true, detail: `${Object.keys(input.kpiTexts).length} KPI values found` },
  );
  if (input.firstPageText !== null) {
    const onFirst = squashText(facts.pageTexts[0] ?? '').includes(squashText(input.firstPageText));
    checks.push({
      check: 'first-page',
      ok: onFirst,
      detail: onFirst ? 'verdict on page 1' : 'the verdict headline is not on page 1',
    });
  }
  return verdictOf(checks);
}
