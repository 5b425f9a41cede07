export type ShutdownSignal = 'SIGTERM' | 'SIGINT';

/** The part of `process` that signal handling needs (tests pass an EventEmitter). */
export interface SignalSource {
  on(event: ShutdownSignal, listener: () => void): unknown;
  off(event: ShutdownSignal, listener: () => void): unknown;
}

/**
 * First SIGTERM/SIGINT: `first` (finish the running transaction, then exit 0). Any further one: `second`
 * (exit at once). Returns a function that removes the handlers.
 */
export function onShutdownSignals(
  source: SignalSource,
  handlers: { first(signal: ShutdownSignal): void; second(signal: ShutdownSignal): void },
): () => void {
  let received = false;
  const listeners = (['SIGTERM', 'SIGINT'] as const).map((signal) => {
    const listener = () => {
      if (received) handlers.second(signal);
      else {
        received = true;
        handlers.first(signal);
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
