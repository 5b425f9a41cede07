// Hostile strings from Redis (markup, quotes, Vega expressions, very long names) in every field of one
// day's report: nothing executes, the text shows as text, and the layout holds on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { buildFixtureSite, HOSTILE_DAY, LONG_NAME, type FixtureSite } from './buildFixtureSite.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import { launchBrowser } from './launchBrowser.ts';
import { mountAllCharts, watchPage } from './pageWatch.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildFixtureSite();
  server = await startStaticServer(site.dist);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

describe('hostile input', () => {
  for (const width of [1280, 390]) {
    it(`runs no injected script and keeps the layout at ${width} px`, async () => {
      const page = await browser.newPage();
      const problems = watchPage(page);
      await page.evaluateOnNewDocument(() => {
        window.alert = () => {
          (window as unknown as { __pwned: number }).__pwned = 99;
        };
      });
      await page.setViewport({ width, height: 900 });
      await page.goto(`${server.url}/daily/${HOSTILE_DAY}/index.html`, { waitUntil: 'load' });
      await mountAllCharts(page);
      // Hover every mark of every chart so each tooltip renders its (hostile) text.
      const marks = await page.$$('.chart-live svg .role-mark path, .chart-live svg .role-mark circle');
      for (const m of marks.slice(0, 120)) {
        await m.hover().catch(() => undefined);
      }
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        injectedImages: document.querySelectorAll('img').length,
        scripts: Array.from(document.querySelectorAll('script')).map(
          (s) => s.getAttribute('src') ?? s.getAttribute('type'),
        ),
        onAttributes: Array.from(document.querySelectorAll('*')).filter((e) =>
          Array.from(e.attributes).some((a) => a.name.startsWith('on')),
        ).length,
        text: document.body.innerText,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      }));
      expect(state.pwned).toBeNull();
      expect(state.injectedImages).toBe(0);
      expect(state.onAttributes).toBe(0);
      expect(new Set(state.scripts)).toEqual(new Set(['../../assets/almanac-charts.js', 'application/json']));
      expect(state.text).toContain('<script>window.__pwned = 1</script>');
      expect(state.text).toContain(LONG_NAME.slice(0, 60));
      expect(state.overflow).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('escapes hostile text in the HTML source, SVG and CSV', async () => {
    const html = await readFile(path.join(site.dist, 'daily', HOSTILE_DAY, 'index.html'), 'utf8');
    // Inside a double-quoted attribute (the meta description) only the quote needs escaping.
    const body = html.replace(/<meta name="description" content="[^"]*">/, '');
    for (const raw of ['<script>window.__pwned', '<img src=x', '<svg onload', '{{datum']) {
      expect(body.includes(raw), raw).toBe(raw === '{{datum');
    }
    expect(html.includes('&lt;script&gt;window.__pwned = 1&lt;/script&gt;')).toBe(true);
    const csv = await readFile(path.join(site.dist, 'daily', HOSTILE_DAY, 'data', 'machines.csv'), 'utf8');
    expect(csv).toContain('"</script><img src=x onerror=""window.__pwned = 2"">"');
  });
});
