// axe-core in the browser on every page kind, in the light and the dark theme: no serious or critical
// violation. The CSP (rightly) forbids injecting axe as an inline script, so the test page bypasses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer';
import { buildFixtureSite, type FixtureSite } from './buildFixtureSite.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import { launchBrowser } from './launchBrowser.ts';
import { mountAllCharts } from './pageWatch.ts';

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;
let axeSource: string;

const PAGES = [
  '/index.html',
  '/archive/index.html',
  '/daily/2026-11-21/index.html',
  '/weekly/2026-W47/index.html',
  '/monthly/2026-11/index.html',
];

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  site = await buildFixtureSite();
  server = await startStaticServer(site.dist);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axeSource });
  return (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as Violation[];
}

describe('accessibility (axe-core)', () => {
  it('the harness catches a real violation (an image without alt text)', async () => {
    const page = await browser.newPage();
    await page.setBypassCSP(true);
    await page.goto(`${server.url}/archive/index.html`, { waitUntil: 'load' });
    await page.evaluate(() => document.querySelector('main')?.insertAdjacentHTML('beforeend', '<img src="data:,">'));
    const ids = (await axeViolations(page)).filter((v) => v.impact === 'critical').map((v) => v.id);
    expect(ids).toContain('image-alt');
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const path of PAGES) {
      it(`${path} in the ${theme} theme has no serious or critical violation`, async () => {
        const page = await browser.newPage();
        await page.setBypassCSP(true);
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        await page.setViewport({ width: 1280, height: 900 });
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        await mountAllCharts(page);
        // Open the disclosures so the tables behind them are checked too.
        await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        const violations = await axeViolations(page);
        const bad = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help} at ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          );
        expect(bad).toEqual([]);
        await page.close();
      });
    }
  }
});
