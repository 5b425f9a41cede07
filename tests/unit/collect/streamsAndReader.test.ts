import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { parseStreamCheckpoint } from '../../../src/collect/collectStreamTail.ts';
import { dedupeBy } from '../../../src/collect/dedupeBy.ts';
import { RedisReader } from '../../../src/collect/RedisReader.ts';
import { compareStreamIds, msOfStreamId } from '../../../src/collect/streamIds.ts';

describe('stream ids and checkpoints', () => {
  it('compares ids numerically, not as text', () => {
    expect(compareStreamIds('999-0', '1000-0')).toBe(-1);
    expect(compareStreamIds('5-10', '5-9')).toBe(1);
    expect(compareStreamIds('5-1', '5-1')).toBe(0);
    expect(msOfStreamId('1795000000000-4')).toBe(1795000000000);
  });

  it('reads the checkpoint with and without the added-count', () => {
    expect(parseStreamCheckpoint('12-3|400')).toEqual({ id: '12-3', added: 400 });
    expect(parseStreamCheckpoint('12-3')).toEqual({ id: '12-3', added: null });
    expect(parseStreamCheckpoint('garbage')).toBeNull();
    expect(parseStreamCheckpoint(null)).toBeNull();
  });
});

describe('dedupeBy', () => {
  it('keeps the last value per key in first-seen order', () => {
    expect(
      dedupeBy(
        [
          { k: 'a', v: 1 },
          { k: 'b', v: 2 },
          { k: 'a', v: 3 },
        ],
        (x) => x.k,
      ),
    ).toEqual([
      { k: 'a', v: 3 },
      { k: 'b', v: 2 },
    ]);
  });
});

describe('RedisReader', () => {
  // The client is never reached: forbidden commands are refused before anything is sent.
  const reader = new RedisReader({} as Redis, 'redis://u:pw@host:6379');

  it('refuses writes, KEYS and blocking commands', async () => {
    await expect(reader.call('set', 'k', 'v')).rejects.toThrow(/must not send SET/);
    await expect(reader.call('keys', '*')).rejects.toThrow(/must not send KEYS/);
    await expect(reader.call('xread', 'BLOCK', 0, 'STREAMS', 's', '$')).rejects.toThrow(/must not send XREAD/);
    await expect(
      reader.batch([
        ['hgetall', 'a'],
        ['del', 'a'],
      ]),
    ).rejects.toThrow(/must not send DEL/);
    await expect(reader.call('client', 'KILL', 'ID', 1)).rejects.toThrow(/CLIENT LIST/);
  });
});
