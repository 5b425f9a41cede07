import type { BundleKind } from '../report/BundleKind.ts';
import type { ExportRow } from './PdfExportLog.ts';

export interface BundleRef {
  kind: BundleKind;
  id: string;
  file: string;
  /** Epoch ms of the bundle's generated_at, or null when the file could not be read. */
  generatedMs: number | null;
}

/**
 * Which reports need a PDF: those never exported, those whose bundle was regenerated (a restatement, or a new
 * version of an open period) since the last export, those whose last attempt failed, and those whose PDF file
 * has gone missing. `all` re-exports everything.
 */
export function selectReports(
  bundles: readonly BundleRef[],
  exports: readonly ExportRow[],
  options: { all: boolean; pdfExists(kind: BundleKind, id: string): boolean },
): { selected: BundleRef[]; upToDate: number } {
  const last = new Map(exports.map((row) => [`${row.kind}:${row.report_id}`, row]));
  const selected: BundleRef[] = [];
  for (const bundle of bundles) {
    const row = last.get(`${bundle.kind}:${bundle.id}`);
    const current =
      row !== undefined &&
      row.status === 'passed' &&
      bundle.generatedMs !== null &&
      Number(row.bundle_ms) === bundle.generatedMs &&
      options.pdfExists(bundle.kind, bundle.id);
    if (options.all || !current) selected.push(bundle);
  }
  return { selected, upToDate: bundles.length - selected.length };
}
