// The built site in headless Chromium: every page kind loads cleanly over HTTP and from file://, reads fully
// without JavaScript, shows tooltips with JavaScript, and its archive and prev/next links reach every report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { buildFixtureSite, RESTATED_DAY, type FixtureSite } from './buildFixtureSite.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import { launchBrowser } from './launchBrowser.ts';
import { mountAllCharts, watchPage } from './pageWatch.ts';

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

const PAGES = {
  home: '/index.html',
  archive: '/archive/index.html',
  daily: '/daily/2026-11-21/index.html',
  weekly: '/weekly/2026-W47/index.html',
  monthly: '/monthly/2026-11/index.html',
};

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

async function open(
  path: string,
  options: { js?: boolean; width?: number; base?: string } = {},
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems = watchPage(page);
  await page.setJavaScriptEnabled(options.js ?? true);
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  await page.goto(`${options.base ?? server.url}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

describe('every page kind', () => {
  for (const [kind, path] of Object.entries(PAGES)) {
    it(`${kind} loads with no console error and no failed request, charts included`, async () => {
      const { page, problems } = await open(path);
      await mountAllCharts(page);
      expect(await page.title()).toContain('Fleet <Almanac> & "Co"');
      expect(problems).toEqual([]);
      await page.close();
    });

    it(`${kind} works from the file system`, async () => {
      const { page, problems } = await open(path, { base: pathToFileURL(site.dist).href });
      await mountAllCharts(page);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

describe('on a 390 px phone', () => {
  for (const [kind, path] of Object.entries(PAGES)) {
    it(`${kind} fits the width (no sideways scrolling of the page)`, async () => {
      const { page, problems } = await open(path, { width: 390 });
      await mountAllCharts(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

describe('without JavaScript', () => {
  for (const kind of ['daily', 'weekly', 'monthly', 'home'] as const) {
    it(`${kind}: every chart is an SVG with a caption, text alternative and data table, every KPI readable`, async () => {
      const { page, problems } = await open(PAGES[kind], { js: false });
      const figures = await page.$$eval('figure[data-chart]', (fs) =>
        fs.map((f) => ({
          empty: f.querySelector('.chart-empty') !== null,
          svg: f.querySelector('.chart-static svg') !== null,
          marks: f.querySelectorAll('.chart-static svg path, .chart-static svg line').length,
          caption: f.querySelector('figcaption')?.textContent?.trim() ?? '',
          alt: f.querySelector('.chart-alt')?.textContent?.trim() ?? '',
          table: f.querySelector('details table') !== null,
        })),
      );
      expect(figures.length).toBeGreaterThan(0);
      for (const f of figures) {
        expect(f.caption.length).toBeGreaterThan(10);
        expect(f.alt.length).toBeGreaterThan(10);
        if (!f.empty) {
          expect(f.svg).toBe(true);
          expect(f.marks).toBeGreaterThan(3);
          expect(f.table).toBe(true);
        }
      }
      const kpis = await page.$$eval('.kpi', (ks) =>
        ks.map((k) => ({
          label: k.querySelector('.label')?.textContent ?? '',
          value: k.querySelector('.value')?.textContent ?? '',
        })),
      );
      expect(kpis.length).toBeGreaterThanOrEqual(6);
      for (const k of kpis) {
        expect(k.label.trim()).not.toBe('');
        expect(k.value.trim()).toMatch(/\d|no data/);
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});

describe('with JavaScript', () => {
  it('shows a tooltip when hovering a chart mark', async () => {
    const { page, problems } = await open(PAGES.daily);
    await mountAllCharts(page);
    const bar = await page.$('#chart-volume-success .chart-live svg .mark-rect path');
    expect(bar).not.toBeNull();
    await bar!.scrollIntoView();
    await bar!.hover();
    await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5000 });
    const text = await page.$eval('#vg-tooltip-element', (e) => e.textContent ?? '');
    expect(text).toMatch(/jobs/);
    expect(await page.$eval('#chart-volume-success .chart-static', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('navigation', () => {
  it('the archive calendar links to every daily report, and marks the restated one', async () => {
    const { page } = await open(PAGES.archive);
    const days = await page.$$eval('a[data-day]', (as) =>
      as.map((a) => ({ id: a.getAttribute('data-day'), href: (a as HTMLAnchorElement).href, cls: a.className })),
    );
    const ids = days.map((d) => d.id).sort();
    expect(ids).toEqual(['2026-11-01', '2026-11-19', '2026-11-20', '2026-11-21']);
    expect(days.find((d) => d.id === RESTATED_DAY)?.cls).toContain('restated');
    for (const d of days) {
      const res = await page.goto(d.href);
      expect(res?.status()).toBe(200);
      expect(await page.$eval('h1', (h) => h.textContent)).toMatch(/November 2026/);
      expect(page.url()).toContain(`/daily/${d.id}/`);
    }
    await page.close();
  });

  it('previous/next links walk the whole archive of each kind, both ways', async () => {
    const { page } = await open(PAGES.archive);
    const expected = {
      daily: ['2026-11-01', '2026-11-19', '2026-11-20', '2026-11-21'],
      weekly: ['2026-W01', '2026-W46', '2026-W47'].sort(),
      monthly: ['2026-10', '2026-11'],
    };
    for (const [kind, ids] of Object.entries(expected)) {
      const visited: string[] = [];
      await page.goto(`${server.url}/${kind}/${ids[0]}/index.html`);
      for (;;) {
        visited.push(page.url().split('/').slice(-2, -1)[0]!);
        const next = await page.$('a[rel="next"]');
        if (!next) break;
        await Promise.all([page.waitForNavigation(), next.click()]);
      }
      const back: string[] = [];
      for (;;) {
        back.push(page.url().split('/').slice(-2, -1)[0]!);
        const prev = await page.$('a[rel="prev"]');
        if (!prev) break;
        await Promise.all([page.waitForNavigation(), prev.click()]);
      }
      expect(visited, kind).toEqual(ids);
      expect(back, kind).toEqual([...ids].reverse());
    }
    await page.close();
  });

  it('links to the bundle JSON and to a CSV per table, all of which exist', async () => {
    const { page } = await open(PAGES.daily);
    const hrefs = await page.$$eval('.downloads a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.some((h) => h.endsWith('/report.json'))).toBe(true);
    expect(hrefs.filter((h) => h.endsWith('.csv')).length).toBeGreaterThanOrEqual(3);
    for (const h of hrefs) {
      const res = await fetch(h);
      expect(res.status, h).toBe(200);
    }
    await page.close();
  });
});
