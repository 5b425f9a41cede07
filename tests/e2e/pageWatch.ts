// Collects everything that went wrong while a page loaded: console errors and warnings, uncaught
// exceptions, failed requests and HTTP errors.
import type { Page } from 'puppeteer';

export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

/** Scrolls to each chart in turn and waits for its island to replace the static SVG. */
export async function mountAllCharts(page: Page): Promise<number> {
  const ids = await page.$$eval('figure[data-chart]', (fs) =>
    fs.filter((f) => f.querySelector('.chart-island')).map((f) => f.id),
  );
  for (const id of ids) {
    await page.$eval(`#${id}`, (f) => f.scrollIntoView());
    await page.waitForSelector(`#${id} .chart-live[data-ready]`, { timeout: 10_000 });
  }
  return ids.length;
}
