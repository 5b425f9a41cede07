// Screenshots of a daily and a monthly report page at desktop and phone width, light and dark, for a person
// to look at. `node scripts/screenshots.ts [--dist DIR] [--out DIR]`: without --dist it builds the site from
// the fixture bundles first. Prints the files it wrote.
import { mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildFixtureSite } from '../tests/e2e/buildFixtureSite.ts';
import { launchBrowser } from '../tests/e2e/launchBrowser.ts';
import { mountAllCharts } from '../tests/e2e/pageWatch.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' } },
});
const out = path.resolve(values.out ?? path.join(tmpdir(), 'almanac-screenshots'));
const fixture = values.dist ? null : await buildFixtureSite();
const dist = values.dist ? path.resolve(values.dist) : fixture!.dist;

async function latest(kind: string): Promise<string | null> {
  const ids = (await readdir(path.join(dist, kind)).catch(() => [] as string[])).sort();
  return ids.length ? `${kind}/${ids[ids.length - 1]}/index.html` : null;
}

const targets = [await latest('daily'), await latest('monthly')].filter((p): p is string => p !== null);
const sizes = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
await mkdir(out, { recursive: true });
const browser = await launchBrowser();
try {
  for (const target of targets) {
    for (const size of sizes) {
      for (const theme of ['light', 'dark'] as const) {
        const page = await browser.newPage();
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
        await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: 1 });
        await page.goto(pathToFileURL(path.join(dist, target)).href, { waitUntil: 'load' });
        await mountAllCharts(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        const file = path.join(out, `${target.split('/').slice(0, 2).join('-')}-${size.name}-${theme}.png`);
        // The first screens plus the first charts: what a reader sees in the first ten seconds.
        await page.screenshot({
          path: file as `${string}.png`,
          fullPage: values.full === true,
          clip: values.full ? undefined : { x: 0, y: 0, width: size.width, height: size.height * 3 },
        });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await fixture?.cleanup();
}
