export type ShutdownSignal = 'SIGTERM' | 'SIGINT';

/** The part of `process` that signal handling needs (tests pass an EventEmitter). */
export interface SignalSource {
  on(event: ShutdownSignal, listener: () => void): unknown;
  off(event: ShutdownSignal, listener: () => void): unknown;
  listenerCount(event: ShutdownSignal): number;
}

/**
 * First SIGTERM/SIGINT: `first` (stop at the next safe boundary, then exit 0). Any further one: `second` (exit at
 * once). Returns a function that removes the handlers.
 *
 * Other listeners may be present (the PDF exporter's browser session listens so that it can end Chromium when no
 * one else handles the signal); they leave the decision to these handlers and never re-raise the signal, so every
 * further signal is the operator's.
 */
export function onShutdownSignals(
  source: SignalSource,
  handlers: { first(signal: ShutdownSignal): void; second(signal: ShutdownSignal): void },
): () => void {
  let seen = false;
  const listeners = (['SIGTERM', 'SIGINT'] as const).map((signal) => {
    const listener = () => {
      if (seen) {
        handlers.second(signal);
        return;
      }
      seen = true;
      handlers.first(signal);
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
