import type { EmailContent, ReadinessLine } from './EmailContent.ts';
import { DARK, LIGHT, toneColor } from './emailPalette.ts';
import { escapeHtml as e } from './escapeHtml.ts';

const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/**
 * The HTML part, written for email clients rather than browsers: nested tables for layout, inline styles, a
 * 600 px column fixed for Outlook through conditional comments, no images, no scripts, no web fonts. Dark mode
 * comes from a `prefers-color-scheme` block keyed on classes (clients that ignore it keep the light inline colours,
 * and Gmail applies its own inversion to those). Every string from the bundle is escaped here.
 */
export function renderEmailHtml(content: EmailContent): string {
  const title = `${content.siteTitle}: ${content.kindLabel}, ${content.periodLabel}`;
  return `<!DOCTYPE html>
<html lang="en" xmlns="http://www.w3.org/1999/xhtml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${e(title)}</title>
<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->
<style>
:root { color-scheme: light dark; supported-color-schemes: light dark; }
body { margin: 0; padding: 0; }
table { border-collapse: collapse; }
a { color: ${LIGHT.accent}; }
@media (prefers-color-scheme: dark) {
  .al-page { background-color: ${DARK.page} !important; }
  .al-card { background-color: ${DARK.card} !important; }
  .al-text { color: ${DARK.text} !important; }
  .al-muted { color: ${DARK.muted} !important; }
  .al-rule { border-color: ${DARK.rule} !important; }
  .al-good { color: ${DARK.good} !important; }
  .al-bad { color: ${DARK.bad} !important; }
  .al-neutral { color: ${DARK.neutral} !important; }
  .al-warn { color: ${DARK.warn} !important; }
  .al-border-good { border-color: ${DARK.good} !important; }
  .al-border-bad { border-color: ${DARK.bad} !important; }
  .al-border-warn { border-color: ${DARK.warn} !important; }
  .al-border-neutral { border-color: ${DARK.neutral} !important; }
  .al-notice { background-color: ${DARK.noticeBg} !important; color: ${DARK.noticeText} !important; }
  .al-button { background-color: ${DARK.accent} !important; }
  .al-button a { color: ${DARK.accentText} !important; }
  .al-link { color: ${DARK.accent} !important; }
}
[data-ogsc] .al-text { color: ${DARK.text} !important; }
[data-ogsc] .al-muted { color: ${DARK.muted} !important; }
[data-ogsb] .al-page { background-color: ${DARK.page} !important; }
[data-ogsb] .al-card { background-color: ${DARK.card} !important; }
@media (max-width: 620px) { .al-column { width: 100% !important; } }
</style>
</head>
<body class="al-page" style="margin:0;padding:0;background-color:${LIGHT.page};">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;" aria-hidden="true">${e(content.headline)}</div>
<table role="presentation" class="al-page" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${LIGHT.page}" style="background-color:${LIGHT.page};">
<tr><td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" class="al-card al-column" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="${LIGHT.card}" style="width:600px;max-width:600px;background-color:${LIGHT.card};font-family:${FONT};">
${header(content)}
${content.notices.map(notice).join('\n')}
${verdict(content)}
${section('Summary', content.summary.map(paragraph).join('\n'))}
${section('Key figures', kpiTable(content))}
${section('Readiness', readinessTable(content))}
${content.recommendations.length > 0 ? section('Top recommendations', recommendations(content)) : ''}
${footer(content)}
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}

function header(content: EmailContent): string {
  return `<tr><td style="padding:24px 28px 8px 28px;">
<p class="al-muted" style="margin:0;font-size:13px;line-height:18px;color:${LIGHT.muted};">${e(content.siteTitle)} &middot; ${e(content.kindLabel)}</p>
<h1 class="al-text" style="margin:4px 0 0 0;font-size:24px;line-height:30px;font-weight:700;color:${LIGHT.text};">${e(content.periodLabel)}</h1>
<p class="al-muted" style="margin:4px 0 0 0;font-size:13px;line-height:18px;color:${LIGHT.muted};">Times in ${e(content.timezone)}</p>
</td></tr>`;
}

function notice(text: string): string {
  return `<tr><td style="padding:8px 28px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
<td class="al-notice" bgcolor="${LIGHT.noticeBg}" style="padding:10px 14px;background-color:${LIGHT.noticeBg};color:${LIGHT.noticeText};font-size:14px;line-height:20px;font-family:${FONT};"><strong>Note:</strong> ${e(text)}</td>
</tr></table>
</td></tr>`;
}

function verdict(content: EmailContent): string {
  const tone = content.status.tone;
  const action = content.topAction
    ? `<p class="al-text" style="margin:8px 0 0 0;font-size:15px;line-height:22px;color:${LIGHT.text};"><strong>Top action:</strong> ${e(content.topAction)}</p>`
    : '';
  return `<tr><td style="padding:12px 28px 4px 28px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
<td class="al-border-${tone}" style="border-left:4px solid ${toneColor(tone, LIGHT)};padding:4px 0 4px 14px;font-family:${FONT};">
<p class="al-${tone}" style="margin:0;font-size:13px;line-height:18px;font-weight:700;text-transform:uppercase;letter-spacing:0.04em;color:${toneColor(tone, LIGHT)};">${e(content.status.label)} &middot; trend ${e(content.trendLabel)}</p>
<p class="al-text" style="margin:6px 0 0 0;font-size:18px;line-height:26px;font-weight:600;color:${LIGHT.text};">${e(content.headline)}</p>
${action}
</td></tr></table>
</td></tr>`;
}

function section(title: string, body: string): string {
  return `<tr><td style="padding:20px 28px 0 28px;">
<h2 class="al-text" style="margin:0 0 8px 0;font-size:16px;line-height:22px;font-weight:700;color:${LIGHT.text};">${e(title)}</h2>
${body}
</td></tr>`;
}

function paragraph(text: string): string {
  return `<p class="al-text" style="margin:0 0 8px 0;font-size:15px;line-height:22px;color:${LIGHT.text};">${e(text)}</p>`;
}

function kpiTable(content: EmailContent): string {
  const rows = content.kpis
    .map(
      (kpi) => `<tr>
<td class="al-text al-rule" style="padding:8px 8px 8px 0;border-top:1px solid ${LIGHT.rule};font-size:14px;line-height:20px;color:${LIGHT.text};">${e(kpi.label)}</td>
<td class="al-text al-rule" align="right" style="padding:8px;border-top:1px solid ${LIGHT.rule};font-size:15px;line-height:20px;font-weight:700;color:${LIGHT.text};white-space:nowrap;">${e(kpi.value)}</td>
<td class="al-${kpi.tone} al-rule" style="padding:8px 0 8px 8px;border-top:1px solid ${LIGHT.rule};font-size:13px;line-height:20px;color:${toneColor(kpi.tone, LIGHT)};">${e(kpi.change)}</td>
</tr>`,
    )
    .join('\n');
  return `<table width="100%" cellpadding="0" cellspacing="0" border="0" style="font-family:${FONT};">
<caption style="display:none;mso-hide:all;">Key figures against the previous period</caption>
<tr><th scope="col" class="al-muted" align="left" style="padding:0 8px 6px 0;font-size:12px;font-weight:600;color:${LIGHT.muted};">Measure</th><th scope="col" class="al-muted" align="right" style="padding:0 8px 6px 8px;font-size:12px;font-weight:600;color:${LIGHT.muted};">Value</th><th scope="col" class="al-muted" align="left" style="padding:0 0 6px 8px;font-size:12px;font-weight:600;color:${LIGHT.muted};">Against the previous period</th></tr>
${rows}
</table>`;
}

function readinessRow(line: ReadinessLine, strong: boolean): string {
  const weight = strong ? '700' : '400';
  return `<tr>
<td class="al-text al-rule" style="padding:8px 8px 8px 0;border-top:1px solid ${LIGHT.rule};font-size:14px;line-height:20px;font-weight:${weight};color:${LIGHT.text};">${e(line.label)}</td>
<td class="al-text al-rule" align="right" style="padding:8px;border-top:1px solid ${LIGHT.rule};font-size:15px;line-height:20px;font-weight:700;color:${LIGHT.text};white-space:nowrap;">${e(line.score)}</td>
<td class="al-muted al-rule" style="padding:8px;border-top:1px solid ${LIGHT.rule};font-size:13px;line-height:20px;color:${LIGHT.muted};">${e(line.grade)}</td>
<td class="al-${line.tone} al-rule" style="padding:8px 0 8px 8px;border-top:1px solid ${LIGHT.rule};font-size:13px;line-height:20px;color:${toneColor(line.tone, LIGHT)};">${e(line.change)}</td>
</tr>`;
}

function readinessTable(content: EmailContent): string {
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-family:${FONT};">
${readinessRow(content.readiness.production, true)}
${content.readiness.pools.map((pool) => readinessRow(pool, false)).join('\n')}
</table>`;
}

function recommendations(content: EmailContent): string {
  return content.recommendations
    .map(
      (
        r,
        i,
      ) => `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-family:${FONT};"><tr>
<td class="al-rule" style="padding:10px 0;${i > 0 ? `border-top:1px solid ${LIGHT.rule};` : ''}">
<p class="al-muted" style="margin:0;font-size:12px;line-height:16px;text-transform:uppercase;letter-spacing:0.04em;color:${LIGHT.muted};">${e(`${i + 1}. ${r.severity} · ${r.status}`)}</p>
<p class="al-text" style="margin:2px 0 0 0;font-size:15px;line-height:22px;font-weight:600;color:${LIGHT.text};">${e(r.title)}</p>
<p class="al-text" style="margin:2px 0 0 0;font-size:14px;line-height:20px;color:${LIGHT.text};">${e(r.action)}</p>
</td></tr></table>`,
    )
    .join('\n');
}

function footer(content: EmailContent): string {
  const button = content.reportUrl
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td class="al-button" bgcolor="${LIGHT.accent}" style="background-color:${LIGHT.accent};border-radius:4px;mso-padding-alt:10px 18px;">
<a href="${e(content.reportUrl)}" style="display:inline-block;padding:10px 18px;font-family:${FONT};font-size:15px;line-height:20px;font-weight:600;color:${LIGHT.accentText};text-decoration:none;">Open the full report</a>
</td></tr></table>
<p class="al-muted" style="margin:8px 0 0 0;font-size:12px;line-height:18px;color:${LIGHT.muted};word-break:break-all;"><a class="al-link" href="${e(content.reportUrl)}" style="color:${LIGHT.accent};">${e(content.reportUrl)}</a></p>`
    : '';
  const pdf = content.pdfFileName
    ? `<p class="al-text" style="margin:12px 0 0 0;font-size:14px;line-height:20px;color:${LIGHT.text};">The full report is attached as ${e(content.pdfFileName)}.</p>`
    : '';
  return `<tr><td style="padding:24px 28px 28px 28px;font-family:${FONT};">
${button}
${pdf}
<p class="al-muted" style="margin:16px 0 0 0;font-size:12px;line-height:18px;color:${LIGHT.muted};">Generated ${e(content.generatedAt)} by ${e(content.siteTitle)}. You receive this email because your address is subscribed to ${e(content.kindLabel.toLowerCase())}s in the Almanac configuration.</p>
</td></tr>`;
}
