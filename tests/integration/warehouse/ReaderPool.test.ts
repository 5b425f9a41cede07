import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { tempDir } from '../../helpers/tempDir.ts';

describe('Warehouse.readers: extra connections for reads that run at once', () => {
  it('answers many queries started together, each with its own result, and sees committed rows', async () => {
    const w = await Warehouse.open(path.join(tempDir('almanac-readers'), 'w.duckdb'));
    try {
      await w.run('CREATE TABLE numbers AS SELECT range AS n FROM range(100000)');
      const pool = await w.readers(2);
      try {
        const sums = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            pool.all<{ s: number }>('SELECT sum(n)::DOUBLE AS s FROM numbers WHERE n % 6 = $i', { i }),
          ),
        );
        const expected = Array.from({ length: 6 }, (_, i) => {
          let s = 0;
          for (let n = i; n < 100000; n += 6) s += n;
          return s;
        });
        expect(sums.map((rows) => rows[0]!.s)).toEqual(expected);
      } finally {
        pool.close();
      }
    } finally {
      await w.close();
    }
  });

  it('fails one query with its own error and keeps serving the others', async () => {
    const w = await Warehouse.open(path.join(tempDir('almanac-readers'), 'w.duckdb'));
    try {
      const pool = await w.readers(1);
      try {
        const [bad, good] = await Promise.allSettled([
          pool.all('SELECT * FROM no_such_table'),
          pool.all<{ one: number }>('SELECT 1 AS one'),
        ]);
        expect(bad.status).toBe('rejected');
        expect(String((bad as PromiseRejectedResult).reason)).toMatch(/no_such_table/);
        // The connection went back to the pool after the failure: the queued query ran on it.
        expect(good).toEqual({ status: 'fulfilled', value: [{ one: 1 }] });
      } finally {
        pool.close();
      }
    } finally {
      await w.close();
    }
  });
});
