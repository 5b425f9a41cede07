import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopOnSignals } from '../../../src/cli/stopOnSignals.ts';
import { AlmanacError } from '../../../src/errors/AlmanacError.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import type { SignalSource } from '../../../src/schedule/onShutdownSignals.ts';
import { stopped } from '../../../src/schedule/runStep.ts';

function setup() {
  const source = new EventEmitter();
  const exits: number[] = [];
  const stop = stopOnSignals(silentLogger, source as unknown as SignalSource, (code) => exits.push(code));
  return { source, exits, stop };
}

describe('stopOnSignals', () => {
  it('the first signal aborts with RunInterrupted; the work then counts as stopped, not failed', () => {
    const { source, exits, stop } = setup();
    expect(stop.signal.aborted).toBe(false);
    expect(stop.isStop(stop.signal.reason)).toBe(false);
    source.emit('SIGTERM');
    expect(stop.received()).toBe('SIGTERM');
    expect(stop.signal.reason).toBeInstanceOf(AlmanacError);
    expect((stop.signal.reason as AlmanacError).code).toBe('RunInterrupted');
    expect(stop.isStop(stop.signal.reason)).toBe(true);
    // A step cut short reports its own error made from the reason (runStep).
    expect(stop.isStop(stopped('analyze', stop.signal.reason))).toBe(true);
    expect(stop.isStop(new AlmanacError('RedisUnreachable', 'down'))).toBe(false);
    expect(exits).toEqual([]);
  });

  it('a second signal exits at once with the conventional status', () => {
    const { source, exits } = setup();
    source.emit('SIGINT');
    source.emit('SIGINT');
    expect(exits).toEqual([130]);
  });

  it('removes its handlers when disposed', () => {
    const { source, stop } = setup();
    stop.dispose();
    expect(source.listenerCount('SIGTERM') + source.listenerCount('SIGINT')).toBe(0);
  });
});
