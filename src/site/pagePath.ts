// Where each page lives in dist/ and how pages link to each other. Links are relative and name index.html
// so the site works the same from a web server, from a sub-path and straight from the file system.
import type { ReportKind } from './PageView.ts';

export type PageKey = { kind: ReportKind; id: string };

/** The page's directory relative to the site root: "daily/2026-11-21". */
export function reportDir(kind: ReportKind, id: string): string {
  return `${kind}/${id}`;
}

/** From a page at `depth` directories below the root, the prefix back to the root. */
export function rootPrefix(depth: number): string {
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** Href from a report page (two levels deep) or any page with `root` prefix to another report page. */
export function reportHref(root: string, kind: ReportKind, id: string): string {
  return `${root}${reportDir(kind, id)}/index.html`;
}

export const REPORT_ROOT = rootPrefix(2);
