import type { BundleKind } from '../report/BundleKind.ts';
import type { PrintMeta } from './PrintMeta.ts';

/** One report to print: where its page is, what to say about it, and what the gate must find in it. */
export interface PrintJob {
  kind: BundleKind;
  id: string;
  /** Absolute path of the built page, `<dist>/<kind>/<id>/index.html`. */
  pageFile: string;
  meta: PrintMeta;
  /** KPI values as the page prints them ("98.3%", "20,495"), keyed by KPI name. */
  kpiTexts: Record<string, string>;
  bundleGeneratedAt: string;
}
