import type { EmailContent, ReadinessLine } from './EmailContent.ts';

/** The plain-text part: the same content as the HTML, in the same order, readable in any terminal or watch. */
export function renderEmailText(content: EmailContent): string {
  const lines: string[] = [];
  lines.push(`${content.siteTitle} - ${content.kindLabel}`, content.periodLabel, `Times in ${content.timezone}`, '');
  for (const notice of content.notices) lines.push(`NOTE: ${notice}`, '');
  lines.push(`${content.status.label.toUpperCase()} - trend ${content.trendLabel}`, content.headline);
  if (content.topAction) lines.push(`Top action: ${content.topAction}`);
  lines.push('', 'SUMMARY', ...content.summary.map((s) => `- ${s}`), '');
  lines.push('KEY FIGURES (against the previous period)');
  for (const kpi of content.kpis) lines.push(`- ${kpi.label}: ${kpi.value} (${kpi.change})`);
  lines.push('', 'READINESS', readiness(content.readiness.production));
  for (const pool of content.readiness.pools) lines.push(readiness(pool));
  if (content.recommendations.length > 0) {
    lines.push('', 'TOP RECOMMENDATIONS');
    content.recommendations.forEach((r, i) => {
      lines.push(`${i + 1}. ${r.title} [${r.severity}, ${r.status}]`, `   ${r.action}`);
    });
  }
  lines.push('');
  if (content.reportUrl) lines.push(`Open the full report: ${content.reportUrl}`);
  if (content.pdfFileName) lines.push(`The full report is attached as ${content.pdfFileName}.`);
  lines.push(
    '',
    '--',
    `Generated ${content.generatedAt} by ${content.siteTitle}.`,
    `You receive this email because your address is subscribed to ${content.kindLabel.toLowerCase()}s in the Almanac configuration.`,
  );
  return `${lines.join('\n')}\n`;
}

function readiness(line: ReadinessLine): string {
  return `- ${line.label}: ${line.score}, ${line.grade} (${line.change})`;
}
