import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { footerTemplate, headerTemplate } from '../../../src/pdf/headerFooterTemplates.ts';
import { formatInstant, printJobFor } from '../../../src/pdf/printJobFor.ts';
import { parseBundle } from '../../../src/report/parseBundle.ts';

const bundle = parseBundle(
  readFileSync(new URL('../../fixtures/bundles/reports/daily/2026-11-21.json', import.meta.url), 'utf8'),
);

describe('printJobFor', () => {
  it('names the page, the header facts and the KPI values as the site prints them', () => {
    const job = printJobFor(bundle, { distDir: '/srv/almanac/dist', siteTitle: 'Fleet Almanac' });
    expect(job.pageFile).toBe('/srv/almanac/dist/daily/2026-11-21/index.html');
    expect(job.meta).toMatchObject({
      siteTitle: 'Fleet Almanac',
      kindLabel: 'Daily report',
      periodLabel: bundle.period.label,
      timezone: bundle.timezone,
      subject: bundle.verdict.headline,
    });
    expect(job.kpiTexts.success_rate).toMatch(/^\d+(\.\d)?%$/);
    expect(job.kpiTexts.jobs_completed).toMatch(/^\d{1,3}(,\d{3})*$/);
    for (const [name, kpi] of Object.entries(bundle.kpis)) {
      if (kpi.value === null) expect(job.kpiTexts[name]).toBeUndefined();
      else expect(job.kpiTexts[name]).toBeTypeOf('string');
    }
  });

  it('formats the generation time in the report zone, not the host zone', () => {
    expect(formatInstant('2026-11-22T06:15:00Z', 'America/New_York')).toBe('2026-11-22 01:15');
    expect(formatInstant('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('2026-03-29 03:30');
  });

  it('escapes what it puts in the header and footer templates', () => {
    const meta = printJobFor(bundle, { distDir: '/d', siteTitle: 'A <b>&</b> "Co"' }).meta;
    expect(headerTemplate(meta)).toContain('A &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;');
    expect(headerTemplate(meta)).not.toContain('<b>');
    expect(footerTemplate(meta)).toContain('<span class="pageNumber"></span> of <span class="totalPages"></span>');
    // The font size must survive inside the style attribute (a stray double quote would end it early).
    for (const template of [headerTemplate(meta), footerTemplate(meta)]) {
      expect(template).toMatch(/^<div style="[^"]*font-size:7\.5pt;[^"]*"/);
    }
  });
});
