import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onShutdownSignals, type ShutdownSignal } from '../../../src/schedule/onShutdownSignals.ts';

function setup() {
  const source = new EventEmitter();
  const seen: string[] = [];
  let t = 0;
  const remove = onShutdownSignals(
    source as unknown as Parameters<typeof onShutdownSignals>[0],
    { first: (s: ShutdownSignal) => seen.push(`first ${s}`), second: (s: ShutdownSignal) => seen.push(`second ${s}`) },
    () => t,
  );
  return { source, seen, remove, at: (ms: number) => (t = ms) };
}

describe('onShutdownSignals', () => {
  it('first signal stops gracefully, a second one exits', () => {
    const { source, seen } = setup();
    source.emit('SIGTERM');
    source.emit('SIGINT');
    expect(seen).toEqual(['first SIGTERM', 'second SIGINT']);
  });

  it('absorbs one re-raised copy per other listener, only shortly after the first signal', () => {
    const { source, seen, at } = setup();
    // A library that handles SIGTERM itself and re-raises it once.
    const library = () => {
      source.off('SIGTERM', library);
      setImmediate(() => source.emit('SIGTERM'));
    };
    source.on('SIGTERM', library);
    source.emit('SIGTERM');
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(seen).toEqual(['first SIGTERM']);
        at(6_000);
        source.emit('SIGTERM');
        expect(seen).toEqual(['first SIGTERM', 'second SIGTERM']);
        resolve();
      }),
    );
  });

  it('a second signal after the echo window is the operator asking to exit now', () => {
    const { source, seen, at } = setup();
    source.on('SIGTERM', () => {});
    source.emit('SIGTERM');
    at(5_000);
    source.emit('SIGTERM');
    expect(seen).toEqual(['first SIGTERM', 'second SIGTERM']);
  });

  it('removes its handlers', () => {
    const { source, remove } = setup();
    remove();
    expect(source.listenerCount('SIGTERM') + source.listenerCount('SIGINT')).toBe(0);
  });
});
