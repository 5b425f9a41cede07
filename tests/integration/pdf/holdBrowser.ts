// Child process for the signal test: starts a browser session, reports its Chromium pid and profile folder on
// stdout, then idles until a signal ends it.
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { BrowserSession } from '../../../src/pdf/BrowserSession.ts';
import { findBrowser } from '../../../src/pdf/findBrowser.ts';

const session = new BrowserSession(findBrowser({ configured: null, fromEnv: null }).path, silentLogger);
const browser = await session.get();
const page = await browser.newPage();
await page.goto('about:blank');
process.stdout.write(JSON.stringify({ pid: session.pid(), profile: session.profilesUsed[0] }) + '\n');
setInterval(() => undefined, 1000);
