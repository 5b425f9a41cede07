import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CollectLimits } from '../../../src/collect/CollectSession.ts';
import { collectSource } from '../../../src/collect/collectSource.ts';
import { redisSource } from '../../../src/collect/redisSource.ts';
import type { SourceConfig } from '../../../src/config/Config.ts';
import type { Logger } from '../../../src/log/Logger.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';

export const SMALL_LIMITS: CollectLimits = { scanCount: 100, batchSize: 50, unitRows: 500 };

export interface TempWarehouse {
  dir: string;
  file: string;
  open(): Promise<Warehouse>;
  remove(): void;
}

export function tempWarehouse(label: string): TempWarehouse {
  const dir = mkdtempSync(path.join(tmpdir(), `almanac-${label}-`));
  const file = path.join(dir, 'almanac.duckdb');
  return {
    dir,
    file,
    open: () => Warehouse.open(file, { holder: `test ${label}` }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An emp source as a test configures it: no key prefix and a full scan due every 6 hours. */
export function empSource(redisUrl: string, name = 'fleet', prefix = ''): SourceConfig {
  return { name, layout: 'emp', redisUrl, prefix, queues: [], fullScanMinutes: 360 };
}

/** One collection pass of a source config into an open warehouse, as `almanac collect` runs it. */
export async function collectOnce(
  warehouse: Warehouse,
  config: SourceConfig,
  limits: CollectLimits = SMALL_LIMITS,
  now: () => number = Date.now,
  logger: Logger = silentLogger,
) {
  return collectSource({ warehouse, source: redisSource(config), limits, logger, now });
}
