import { describe, expect, it } from 'vitest';
import type { ExportRow } from '../../../src/pdf/PdfExportLog.ts';
import { selectReports, type BundleRef } from '../../../src/pdf/selectReports.ts';

const ref = (id: string, generatedMs: number | null): BundleRef => ({
  kind: 'daily',
  id,
  file: `${id}.json`,
  generatedMs,
});
const row = (id: string, status: 'passed' | 'failed', bundleMs: number): ExportRow => ({
  kind: 'daily',
  report_id: id,
  status,
  bundle_ms: bundleMs,
  path: null,
});

describe('selectReports', () => {
  const bundles = [
    ref('2026-11-18', 1),
    ref('2026-11-19', 2),
    ref('2026-11-20', 3),
    ref('2026-11-21', 4),
    ref('2026-11-22', null),
  ];
  const exports = [row('2026-11-18', 'passed', 1), row('2026-11-19', 'passed', 1), row('2026-11-20', 'failed', 3)];

  it('selects new, restated, failed, missing-file and unreadable reports and counts the rest up to date', () => {
    const { selected, upToDate } = selectReports(bundles, exports, {
      all: false,
      pdfExists: (_kind, id) => id !== '2026-11-21',
    });
    expect(selected.map((b) => b.id)).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
    expect(upToDate).toBe(1);
  });

  it('re-selects a passed report whose PDF file was deleted', () => {
    const { selected } = selectReports([ref('2026-11-18', 1)], exports, { all: false, pdfExists: () => false });
    expect(selected).toHaveLength(1);
  });

  it('selects everything with all', () => {
    expect(selectReports(bundles, exports, { all: true, pdfExists: () => true }).selected).toHaveLength(5);
  });
});
