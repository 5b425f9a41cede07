import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onShutdownSignals, type ShutdownSignal } from '../../../src/schedule/onShutdownSignals.ts';

function setup() {
  const source = new EventEmitter();
  const seen: string[] = [];
  const remove = onShutdownSignals(source as unknown as Parameters<typeof onShutdownSignals>[0], {
    first: (s: ShutdownSignal) => seen.push(`first ${s}`),
    second: (s: ShutdownSignal) => seen.push(`second ${s}`),
  });
  return { source, seen, remove };
}

describe('onShutdownSignals', () => {
  it('first signal stops gracefully, a second one exits', () => {
    const { source, seen } = setup();
    source.emit('SIGTERM');
    source.emit('SIGINT');
    expect(seen).toEqual(['first SIGTERM', 'second SIGINT']);
  });

  it('a quick second signal exits even while other listeners (the browser session) are present', () => {
    const { source, seen } = setup();
    source.on('SIGTERM', () => {});
    source.emit('SIGTERM');
    source.emit('SIGTERM');
    expect(seen).toEqual(['first SIGTERM', 'second SIGTERM']);
  });

  it('removes its handlers', () => {
    const { source, remove } = setup();
    remove();
    expect(source.listenerCount('SIGTERM') + source.listenerCount('SIGINT')).toBe(0);
  });
});
