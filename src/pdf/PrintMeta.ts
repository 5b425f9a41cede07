/** What a report's PDF says about itself: running header and footer, and the document metadata. */
export interface PrintMeta {
  /** e.g. "Almanac". */
  siteTitle: string;
  /** e.g. "Daily report". */
  kindLabel: string;
  /** e.g. "Saturday 21 November 2026". */
  periodLabel: string;
  timezone: string;
  /** The bundle's generation time, already formatted in the report zone. */
  generated: string;
  /** One sentence: the verdict headline. */
  subject: string;
  keywords: string[];
}
