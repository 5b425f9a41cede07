// A report page is a pure function of its bundle and of a small link context: its neighbours, the reports
// it links up to, the readiness scores its trend chart shows, whether its PDF exists, and the site code.
// The signature hashes exactly those, so a page is rebuilt when and only when one of them changed.
import { createHash } from 'node:crypto';
import type { IndexEntry } from './SiteIndex.ts';
import type { ReadinessHistory } from './reportCharts.ts';

export type LinkContext = {
  prev: IndexEntry | null;
  next: IndexEntry | null;
  parents: IndexEntry[];
  /** The days of a week or month, which its page links to. */
  days: IndexEntry[];
  history: ReadinessHistory;
  pdfExists: boolean;
};

export function pageSignature(siteVersion: string, bundleSha: string, context: LinkContext): string {
  const brief = (e: IndexEntry | null) => (e ? [e.kind, e.id, e.label] : null);
  // Typed as a record over every key of LinkContext, so a new field cannot be left out of the hash.
  const hashed: Record<keyof LinkContext, unknown> = {
    prev: brief(context.prev),
    next: brief(context.next),
    parents: context.parents.map(brief),
    days: context.days.map(brief),
    history: context.history,
    pdfExists: context.pdfExists,
  };
  return createHash('sha256').update(siteVersion).update(bundleSha).update(JSON.stringify(hashed)).digest('hex');
}
