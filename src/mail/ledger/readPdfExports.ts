import { readSql } from '../../warehouse/readSql.ts';
import type { Warehouse } from '../../warehouse/Warehouse.ts';

/** A row of `pdf_exports` (owned by the PDF stage, migration 050): the latest export attempt of one report. */
export interface PdfExport {
  kind: string;
  report_id: string;
  bundle_generated_at: Date | null;
  status: 'passed' | 'failed';
  bytes: number | null;
  failed_check: string | null;
  error: string | null;
  exported_at: Date | null;
}

const EXISTS = readSql(import.meta.url, 'pdfExportsTableExists.sql');
const READ = readSql(import.meta.url, 'pdfExportsRead.sql');

/** Export status by `kind/id`. A warehouse without the PDF stage's table has exported nothing yet. */
export async function readPdfExports(warehouse: Warehouse): Promise<Map<string, PdfExport>> {
  const exists = await warehouse.one<{ n: number }>(EXISTS);
  if (!exists || exists.n === 0) return new Map();
  const rows = await warehouse.all<PdfExport>(READ);
  return new Map(rows.map((row) => [`${row.kind}/${row.report_id}`, row]));
}
