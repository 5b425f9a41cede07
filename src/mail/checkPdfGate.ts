import type { ReportBundle } from '../report/ReportBundle.ts';
import type { PdfExport } from './ledger/readPdfExports.ts';

/**
 * What the PDF stage's verdict means for mailing one report:
 * - failed: the PDF failed its print gate. The report is held for everybody (the gate exists to stop a broken
 *   report from reaching an inbox) and the owner is told which check failed.
 * - pending: a PDF is needed but not there for this revision yet; a later run sends it.
 * - ready: send, attaching the PDF when asked.
 */
export type PdfGate =
  | { state: 'failed'; check: string; error: string }
  | { state: 'pending'; why: string }
  | { state: 'ready'; expectedBytes: number | null };

export function checkPdfGate(row: PdfExport | undefined, bundle: ReportBundle, needPdf: boolean): PdfGate {
  if (row?.status === 'failed') {
    return { state: 'failed', check: row.failed_check ?? 'unknown check', error: row.error ?? 'no detail recorded' };
  }
  if (!needPdf) return { state: 'ready', expectedBytes: null };
  if (!row) return { state: 'pending', why: 'its PDF has not been exported yet (run almanac pdf)' };
  const exportedFor = row.bundle_generated_at?.getTime() ?? null;
  if (exportedFor !== null && exportedFor !== Date.parse(bundle.generated_at)) {
    return { state: 'pending', why: 'its PDF was exported from an earlier revision of the report' };
  }
  return { state: 'ready', expectedBytes: row.bytes };
}
