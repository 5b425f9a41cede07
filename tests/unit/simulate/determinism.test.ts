import { describe, expect, it } from 'vitest';
import { Prng, seedOf } from '../../../src/simulate/Prng.ts';
import { captureKeyspace } from './captureKeyspace.ts';

const end = Date.UTC(2026, 10, 22);
const options = { seed: seedOf('determinism'), end, days: 3, machines: 20, jobsPerDay: 1500 };

describe('simulator determinism', () => {
  it('the PRNG gives the same stream for the same seed and a different one otherwise', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const c = new Prng(8);
    const xs = Array.from({ length: 50 }, () => a.u32());
    expect(Array.from({ length: 50 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.u32())).not.toEqual(xs);
    expect(new Prng(1).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('same seed, options and end give a byte-identical keyspace', () => {
    const first = captureKeyspace(options).sink;
    const second = captureKeyspace(options).sink;
    expect(first.hashes.size).toBeGreaterThan(3000);
    expect(second.digest()).toBe(first.digest());
  });

  it('a different seed or end gives a different keyspace', () => {
    const base = captureKeyspace(options).sink.digest();
    expect(captureKeyspace({ ...options, seed: seedOf('other') }).sink.digest()).not.toBe(base);
    expect(captureKeyspace({ ...options, end: end - 3_600_000 }).sink.digest()).not.toBe(base);
  });

  it('does not depend on the host time zone or the wall clock', () => {
    const realNow = Date.now;
    const before = captureKeyspace(options).sink.digest();
    try {
      Date.now = () => 0;
      expect(captureKeyspace(options).sink.digest()).toBe(before);
    } finally {
      Date.now = realNow;
    }
  });
});
