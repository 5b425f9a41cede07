export type ShutdownSignal = 'SIGTERM' | 'SIGINT';

/** The part of `process` that signal handling needs (tests pass an EventEmitter). */
export interface SignalSource {
  on(event: ShutdownSignal, listener: () => void): unknown;
  off(event: ShutdownSignal, listener: () => void): unknown;
  listenerCount(event: ShutdownSignal): number;
}

/** How long after the first signal a re-raised copy of it (see below) is still recognised as one. */
const ECHO_WINDOW_MS = 5_000;

/**
 * First SIGTERM/SIGINT: `first` (finish the running transaction, then exit 0). Any further one: `second`
 * (exit at once). Returns a function that removes the handlers.
 *
 * Some libraries handle the signal themselves and then re-raise it so that the process still ends (the PDF
 * exporter's browser session does: it kills Chromium first). Such a re-raised copy is not the operator's second
 * signal: each other listener present at the first signal may echo it once, within a few seconds.
 */
export function onShutdownSignals(
  source: SignalSource,
  handlers: { first(signal: ShutdownSignal): void; second(signal: ShutdownSignal): void },
  now: () => number = () => Date.now(),
): () => void {
  let firstAt: number | null = null;
  let echoes = 0;
  const listeners = (['SIGTERM', 'SIGINT'] as const).map((signal) => {
    const listener = () => {
      if (firstAt === null) {
        firstAt = now();
        echoes = Math.max(0, source.listenerCount(signal) - 1);
        handlers.first(signal);
      } else if (echoes > 0 && now() - firstAt < ECHO_WINDOW_MS) {
        echoes--;
      } else {
        handlers.second(signal);
      }
    };
    source.on(signal, listener);
    return [signal, listener] as const;
  });
  return () => {
    for (const [signal, listener] of listeners) source.off(signal, listener);
  };
}

/** Conventional exit code of a process ended by a signal: 128 + its number. */
export function signalExitCode(signal: ShutdownSignal): number {
  return signal === 'SIGINT' ? 130 : 143;
}
