import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { Logger } from '../log/Logger.ts';
import { settleWithin } from './settleWithin.ts';

/** The flags every Almanac Chromium runs with: no sandbox (containers), no GPU, no phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--font-render-hinting=none',
];

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * One Chromium for a whole export run, relaunched when it dies. Its profile lives in a private temp folder, and
 * the browser's process group is killed when the session closes, when the Node process exits, and on
 * SIGINT/SIGTERM/SIGHUP when nobody else handles the signal (which is then re-raised, so the command still ends as
 * the signal asks). Chromium also ends by itself when this process dies unannounced (SIGKILL, OOM killer): it
 * talks DevTools over a pipe and exits when the pipe closes. No Chromium outlives the command.
 */
export class BrowserSession {
  readonly executablePath: string;
  private readonly logger: Logger;
  private browser: Browser | null = null;
  private profileDir: string | null = null;
  private starting: Promise<Browser> | null = null;
  private closed = false;
  /** Incremented on every launch; a page remembers the generation it was opened in. */
  generation = 0;
  relaunches = 0;
  /** Every profile folder this session launched with (one per launch): how tests find stray processes. */
  readonly profilesUsed: string[] = [];
  private readonly onExit = () => this.killNow();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    // Someone else listens (a command or the scheduler stopping gracefully): they let the reports in hand finish
    // and close this session. A second signal ends the process, and the exit handler (or the closed DevTools pipe)
    // ends Chromium with it.
    if (process.listenerCount(signal) > 1) return;
    // Alone: closed for good (a batch still running must not relaunch the browser), then re-raise so that Node
    // ends as the signal asks.
    this.closed = true;
    this.killNow();
    this.unhook();
    process.kill(process.pid, signal);
  };

  constructor(executablePath: string, logger: Logger) {
    this.executablePath = executablePath;
    this.logger = logger;
    process.on('exit', this.onExit);
    for (const s of SIGNALS) process.on(s, this.onSignal);
  }

  /** The live browser, launching (or relaunching after a crash) when needed. */
  async get(): Promise<Browser> {
    if (this.closed) throw new Error('browser session is closed');
    if (this.browser?.connected) return this.browser;
    if (!this.starting) {
      const first = this.generation === 0;
      this.starting = this.launch().finally(() => (this.starting = null));
      if (!first) {
        this.relaunches += 1;
        this.logger.warn('browser gone; relaunching', { relaunches: this.relaunches });
      }
    }
    return this.starting;
  }

  /** Called when a page failed with the browser gone: the next get() relaunches once for everyone. */
  isAlive(): boolean {
    return this.browser?.connected === true;
  }

  /** The Chromium main process id (tests kill it to simulate a crash). */
  pid(): number | null {
    return this.browser?.process()?.pid ?? null;
  }

  private async launch(): Promise<Browser> {
    this.disposeBrowser();
    this.profileDir = mkdtempSync(path.join(tmpdir(), 'almanac-chromium-'));
    this.profilesUsed.push(this.profileDir);
    const browser = await puppeteer.launch({
      executablePath: this.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${this.profileDir}`],
      // DevTools over fds 3/4 instead of a WebSocket: Chromium exits when the pipe closes, that is when this process
      // dies however it dies (even SIGKILL, which no handler sees). puppeteer starts Chromium in a session of its
      // own, so killing the command's process group alone would not reach it.
      pipe: true,
      // This session installs its own handlers: puppeteer's SIGTERM handler closes the browser but leaves Node
      // running, which would let the batch relaunch it.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      protocolTimeout: 120_000,
    });
    this.browser = browser;
    this.generation += 1;
    this.logger.debug('browser launched', { pid: browser.process()?.pid, generation: this.generation });
    return browser;
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    if (browser) {
      await settleWithin(browser.close(), 5000);
    }
    this.disposeBrowser();
    this.unhook();
  }

  /** Synchronous kill of the whole process group (renderers, zygote, GPU process), safe in an exit handler. */
  private killNow(): void {
    const pid = this.browser?.process()?.pid;
    if (pid) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    if (this.profileDir) rmSync(this.profileDir, { recursive: true, force: true });
  }

  private disposeBrowser(): void {
    this.killNow();
    this.browser = null;
    this.profileDir = null;
  }

  private unhook(): void {
    process.off('exit', this.onExit);
    for (const s of SIGNALS) process.off(s, this.onSignal);
  }
}
