/**
 * Renders a report email's HTML part in Chromium, light and dark, to PNGs a person can look at:
 *   node scripts/emailScreenshots.ts [BUNDLE.json] [OUT_DIR]
 * Defaults: the committed daily fixture bundle (it carries hostile strings, so the shots also show escaping) and
 * docs/images/. Chromium is found the way `almanac pdf` finds it (config, PUPPETEER_EXECUTABLE_PATH, usual paths).
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';
import { loadConfig } from '../src/config/loadConfig.ts';
import { CHROMIUM_ARGS } from '../src/pdf/BrowserSession.ts';
import { findBrowser } from '../src/pdf/findBrowser.ts';
import { composeReportEmail, pdfFileName } from '../src/mail/compose/composeReportEmail.ts';
import { parseBundle } from '../src/report/parseBundle.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundleFile = process.argv[2] ?? path.join(root, 'tests/fixtures/bundles/reports/daily/2026-11-21.json');
const outDir = path.resolve(process.argv[3] ?? path.join(root, 'docs/images'));
const config = loadConfig({ cwd: process.cwd(), env: process.env });
const executablePath = findBrowser({
  configured: config.pdf.executablePath,
  fromEnv: config.pdf.envExecutablePath,
}).path;

const bundle = parseBundle(readFileSync(bundleFile, 'utf8'));
const email = composeReportEmail(bundle, {
  siteTitle: 'Almanac',
  baseUrl: 'https://reports.example.com/almanac/',
  pdfFileName: pdfFileName(bundle.kind, bundle.id),
});

const browser = await puppeteer.launch({
  executablePath,
  args: CHROMIUM_ARGS,
});
try {
  mkdirSync(outDir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setViewport({ width: 680, height: 900, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.setContent(email.html, { waitUntil: 'load' });
    const file = path.join(outDir, `email-${scheme}.png`);
    const temp = `${file}.tmp.png`;
    await page.screenshot({ path: temp, fullPage: true });
    renameSync(temp, file);
    await page.close();
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
} finally {
  await browser.close();
}
