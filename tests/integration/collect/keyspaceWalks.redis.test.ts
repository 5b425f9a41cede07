// Integration: how often a pass walks the fleet's keyspace. A SCAN costs Redis the whole keyspace whatever its
// MATCH pattern (seconds of CPU on a fleet with millions of job hashes), so a full-scan pass walks it once, for job
// hashes and machines together, and an incremental pass walks it once, for machines. A private redis-server, so
// that its command statistics count this test's commands only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisEmpSink } from '../../../src/simulate/RedisEmpSink.ts';
import { simulateToRedis } from '../../../src/simulate/simulateToRedis.ts';
import { startPrivateRedis, type PrivateRedis } from './privateRedis.ts';
import { collectOnce, empSource, tempWarehouse, type TempWarehouse } from './testWarehouse.ts';

describe('keyspace walks per pass', () => {
  let redis: PrivateRedis;
  let temp: TempWarehouse;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    temp = tempWarehouse('keyspace-walks');
  }, 60_000);

  afterAll(async () => {
    temp?.remove();
    await redis?.stop();
  });

  /** SCAN calls since the last reset, from INFO commandstats. */
  async function scanCalls(): Promise<number> {
    const stats = String(await redis.admin.info('commandstats'));
    return Number(/cmdstat_scan:calls=(\d+)/.exec(stats)?.[1] ?? 0);
  }

  it('a full-scan pass finds the machines in its one walk, and finds the same ones as a pass that scans for them', async () => {
    const end = Date.parse('2026-11-20T12:00:00Z');
    const { jobs } = await simulateToRedis(
      { seed: 23, end, days: 1, machines: 5, jobsPerDay: 800 },
      new RedisEmpSink(redis.admin),
      '',
    );
    const warehouse = await temp.open();
    try {
      const now = Date.now();
      await redis.admin.call('CONFIG', 'RESETSTAT');
      const full = await collectOnce(warehouse, empSource(redis.url), undefined, () => now);
      expect(full.summary).toMatchObject({ status: 'ok', jobsNew: jobs });
      const fullWalk = await scanCalls();

      await redis.admin.call('CONFIG', 'RESETSTAT');
      const incremental = await collectOnce(warehouse, empSource(redis.url), undefined, () => now + 60_000);
      expect(incremental.summary).toMatchObject({ status: 'ok', jobsNew: 0 });
      const incrementalWalk = await scanCalls();

      // SCAN COUNT pages through the same hash table whatever the pattern: one walk each, of the same length (two
      // walks would be twice as many calls; the bound allows for Redis still rehashing the simulator's keys).
      expect(incrementalWalk).toBeGreaterThan(1);
      expect(fullWalk).toBeLessThan(1.5 * incrementalWalk);

      const machinesAt = (at: number) =>
        warehouse.all<{ machine_id: string; phase: string }>(
          'SELECT machine_id, phase FROM machine_snapshots WHERE taken_at = $at ORDER BY machine_id',
          { at: new Date(at) },
        );
      const first = await machinesAt(now);
      expect(first).toHaveLength(5);
      expect(await machinesAt(now + 60_000)).toEqual(first);
    } finally {
      await warehouse.close();
    }
  }, 120_000);
});
