import type { ReportBundle } from '../../report/ReportBundle.ts';
import { buildEmailContent, type EmailContentOptions } from './buildEmailContent.ts';
import { emailSubject } from './emailSubject.ts';
import { renderEmailHtml } from './renderEmailHtml.ts';
import { renderEmailText } from './renderEmailText.ts';

export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Subject, HTML and plain text of one report email. Pure. */
export function composeReportEmail(bundle: ReportBundle, options: EmailContentOptions): ComposedEmail {
  const content = buildEmailContent(bundle, options);
  return {
    subject: emailSubject(bundle, options.siteTitle),
    html: renderEmailHtml(content),
    text: renderEmailText(content),
  };
}

/** The attachment's file name: `almanac-daily-2026-11-21.pdf`. */
export function pdfFileName(kind: string, id: string): string {
  return `almanac-${kind}-${id}.pdf`;
}
