import { escapeHtml } from './escapeHtml.ts';
import type { PrintMeta } from './PrintMeta.ts';

// Chromium renders these in their own tiny document: no page styles apply, sizes must be explicit, and the
// spans with class pageNumber / totalPages are filled in per page. Inside style="..." only single quotes: a double
// quote ends the attribute, drops the font size, and Chromium's default for templates is unreadably small.
const BOX =
  "width:100%;margin:0 14mm;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:7.5pt;" +
  'color:#555;display:flex;justify-content:space-between;gap:6mm;-webkit-print-color-adjust:exact;';

export function headerTemplate(meta: PrintMeta): string {
  return (
    `<div style="${BOX}border-bottom:0.5pt solid #ccc;padding-bottom:1.5mm;">` +
    `<span>${escapeHtml(meta.siteTitle)} · ${escapeHtml(meta.kindLabel)}: ${escapeHtml(meta.periodLabel)}</span>` +
    `<span>Times in ${escapeHtml(meta.timezone)}</span></div>`
  );
}

export function footerTemplate(meta: PrintMeta): string {
  return (
    `<div style="${BOX}">` +
    `<span>Generated ${escapeHtml(meta.generated)} (${escapeHtml(meta.timezone)})</span>` +
    `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
  );
}
