// Debian's Chromium, headless, with the flags the shared machine needs.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer';
import { CHROMIUM_ARGS } from '../../src/pdf/BrowserSession.ts';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium) to run e2e tests`,
    );
  }
  return puppeteer.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}
