import { accessSync, constants, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { AlmanacError } from '../errors/AlmanacError.ts';

export interface FoundBrowser {
  path: string;
  /** Where it was found: "config", "PUPPETEER_EXECUTABLE_PATH", "system" or "puppeteer cache". */
  source: string;
}

export interface BrowserSearch {
  configured: string | null;
  fromEnv: string | null;
  /** Overridable for tests. */
  systemPaths?: readonly string[];
  puppeteerCache?: string;
}

const systemBrowserPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Finds a Chrome or Chromium to print with: config first, then PUPPETEER_EXECUTABLE_PATH, then the usual install
 * paths, then puppeteer's own cache. A configured path that does not exist is an error, not a silent fallback.
 */
export function findBrowser(search: BrowserSearch): FoundBrowser {
  for (const [candidate, source] of [
    [search.configured, 'config (pdf.executablePath)'],
    [search.fromEnv, 'PUPPETEER_EXECUTABLE_PATH'],
  ] as const) {
    if (!candidate) continue;
    if (isExecutable(candidate)) return { path: candidate, source };
    throw new AlmanacError(
      'BrowserNotFound',
      `The browser set by ${source}, ${candidate}, does not exist or is not executable.`,
      {
        hint: 'Fix the path, or remove the setting to let Almanac look for Chromium in the usual places.',
      },
    );
  }
  for (const candidate of search.systemPaths ?? systemBrowserPaths) {
    if (isExecutable(candidate)) return { path: candidate, source: 'system' };
  }
  const cached = findInPuppeteerCache(search.puppeteerCache ?? path.join(homedir(), '.cache', 'puppeteer'));
  if (cached) return { path: cached, source: 'puppeteer cache' };
  throw new AlmanacError('BrowserNotFound', 'No Chrome or Chromium was found to print PDFs with.', {
    hint:
      'Install one (Debian/Ubuntu: sudo apt-get install -y chromium; macOS: install Google Chrome), or set ' +
      'pdf.executablePath in almanac.config.json or PUPPETEER_EXECUTABLE_PATH to its path.',
  });
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findInPuppeteerCache(cacheDir: string): string | null {
  for (const product of ['chrome', 'chromium', 'chrome-headless-shell']) {
    let versions: string[];
    try {
      versions = readdirSync(path.join(cacheDir, product)).sort().reverse();
    } catch {
      continue;
    }
    for (const version of versions) {
      for (const relative of [
        'chrome-linux64/chrome',
        'chrome-linux/chrome',
        'chrome-headless-shell-linux64/chrome-headless-shell',
      ]) {
        const candidate = path.join(cacheDir, product, version, relative);
        if (isExecutable(candidate)) return candidate;
      }
    }
  }
  return null;
}
