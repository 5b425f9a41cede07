/**
 * Why a page could not be printed. `check` is the release-gate name recorded in pdf_exports.failed_check:
 * `render-timeout` (retried once on a fresh page), `ready` (the page signalled an error), `browser-crash`
 * (retried once after the relaunch), `render-error` (anything else Chromium reported).
 */
export class RenderFailure extends Error {
  readonly check: 'render-timeout' | 'ready' | 'browser-crash' | 'render-error';

  constructor(check: RenderFailure['check'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RenderFailure';
    this.check = check;
  }
}
