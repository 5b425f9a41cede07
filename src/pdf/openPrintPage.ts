import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import type { PaperGeometry } from './paperGeometry.ts';
import { settleWithin } from './settleWithin.ts';

export interface PrintPage {
  page: Page;
  /** Requests refused since the page was opened (URLs outside the site). */
  blocked: string[];
  close(): Promise<void>;
}

/**
 * A fresh page in its own browser context (so a page that hangs its renderer cannot stall the others), laid out at
 * the paper's printable width with print media, and allowed to load nothing but files under the site folder.
 */
export async function openPrintPage(browser: Browser, siteRoot: string, geometry: PaperGeometry): Promise<PrintPage> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const blocked: string[] = [];
  const allowedPrefix = pathToFileURL(path.resolve(siteRoot) + path.sep).href;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    // Script files are not loaded: a printed page is the HTML as built (charts are SVG baked at build time; the
    // site's scripts only add interaction), which also saves parsing a megabyte of Vega per page.
    if (request.resourceType() === 'script') {
      void request.abort('blockedbyclient');
      return;
    }
    if (url.startsWith(allowedPrefix) || url.startsWith('data:') || url === 'about:blank') {
      void request.continue();
    } else {
      if (blocked.length < 20) blocked.push(url.slice(0, 200));
      void request.abort('blockedbyclient');
    }
  });
  // The site's Content-Security-Policy stays in force while printing (it allows inline styles, which is how the
  // print rules are added); request interception is a second fence around it.
  await page.setViewport({ width: Math.floor(geometry.contentWidthPx), height: Math.floor(geometry.contentHeightPx) });
  await page.emulateMediaType('print');
  return {
    page,
    blocked,
    async close() {
      await settleWithin(context.close(), 5000);
    },
  };
}
