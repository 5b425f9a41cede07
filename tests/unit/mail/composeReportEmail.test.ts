import { describe, expect, it } from 'vitest';
import { composeReportEmail } from '../../../src/mail/compose/composeReportEmail.ts';
import { emailSubject } from '../../../src/mail/compose/emailSubject.ts';
import { HOSTILE_MACHINE, HOSTILE_MODEL } from '../../fixtures/bundles/makeFixtureBundle.ts';
import { fixtureBundle } from './fixtureBundle.ts';

const options = { siteTitle: 'Almanac', baseUrl: 'https://reports.example.com/almanac', pdfFileName: 'x.pdf' };

describe('composeReportEmail', () => {
  it('puts the verdict in the subject: kind, period, status and readiness with its change', () => {
    const daily = fixtureBundle('daily', '2026-11-21');
    expect(emailSubject(daily, 'Almanac')).toBe(
      'Almanac daily report, Saturday 21 November 2026: Watch, readiness 78 (up 4)',
    );
  });

  it('escapes every bundle string in HTML and keeps the text part free of markup injection', () => {
    const email = composeReportEmail(fixtureBundle('daily', '2026-11-21'), options);
    expect(email.html).not.toMatch(/<script|<b>turbo|<h1>upscale|<img/);
    expect(email.html).toContain('m-13&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('sdxl&amp;&lt;b&gt;turbo&lt;/b&gt;');
    expect(email.text).toContain(HOSTILE_MACHINE);
    expect(email.text).toContain(HOSTILE_MODEL);
  });

  it('says the same things in both parts: summary, KPIs with deltas, readiness, recommendations, link', () => {
    const email = composeReportEmail(fixtureBundle('daily', '2026-11-21'), options);
    for (const phrase of [
      '20,940 jobs were submitted',
      '98.3%',
      'up 2.2% from 20,051 (better)',
      '78 of 100',
      'up 4 points from 74',
      'Fast lane',
      'Drain the machine',
      'https://reports.example.com/almanac/daily/2026-11-21/',
      'attached as x.pdf',
    ]) {
      expect(email.text).toContain(phrase);
      expect(email.html).toContain(phrase);
    }
  });

  it('is built for email clients: tables, inline styles, dark-mode block, Outlook width, no scripts', () => {
    const { html } = composeReportEmail(fixtureBundle('weekly', '2026-W47'), options);
    expect(html).toContain('role="presentation"');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
    expect(html).toContain('<meta name="color-scheme" content="light dark">');
    expect(html).toContain('<!--[if mso]>');
    expect(html).not.toMatch(/<script|<img|display:\s*(flex|grid)/);
    // Gmail clips messages over 102 KB behind a "view entire message" link.
    expect(Buffer.byteLength(html)).toBeLessThan(60_000);
  });

  it('leaves out the link without a base URL and the attachment line without a PDF', () => {
    const email = composeReportEmail(fixtureBundle('monthly', '2026-10'), {
      siteTitle: 'Almanac',
      baseUrl: null,
      pdfFileName: null,
    });
    expect(email.text).not.toContain('http');
    expect(email.html).not.toContain('href=');
    expect(email.text).not.toContain('attached');
  });

  it('keeps line breaks and control characters out of the subject, and flags partial and restated reports', () => {
    const bundle = fixtureBundle('daily', '2026-11-20');
    bundle.period.label = 'Friday\r\nBcc: victim@example.com\u001b[31m';
    bundle.data_quality.partial = true;
    bundle.data_quality.notes = [{ severity: 'high', message: 'Collector down 02:00–04:00 <b>x</b>' }];
    bundle.revision = 2;
    bundle.restates = { revision: 1, generated_at: bundle.generated_at, reason: 'late data', changes: [] };
    const subject = emailSubject(bundle, 'Almanac');
    for (const char of ['\r', '\n', '\u001b']) expect(subject).not.toContain(char);
    expect(subject).toMatch(
      /^Restated: Almanac daily report, Friday Bcc: victim@example.com\[31m: .* \[partial data\]$/,
    );
    const email = composeReportEmail(bundle, options);
    expect(email.text).toContain('NOTE: Partial data: Collector down 02:00–04:00 <b>x</b>');
    expect(email.html).toContain('Partial data: Collector down 02:00–04:00 &lt;b&gt;x&lt;/b&gt;');
    expect(email.text).toContain('replaces revision 1: late data');
  });
});
