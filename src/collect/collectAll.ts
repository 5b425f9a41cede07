import type { Config, SourceConfig } from '../config/Config.ts';
import type { Logger } from '../log/Logger.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import type { CollectLimits } from './CollectSession.ts';
import type { CollectSummary } from './CollectSummary.ts';
import { collectSource } from './collectSource.ts';
import { redisSource } from './redisSource.ts';

/**
 * Job rows per warehouse transaction during a backlog catch-up, as a multiple of the pipeline size (500 → 10,000):
 * memory stays flat whatever Redis holds, and a smaller batchSize also means smaller, more frequent commits. Units
 * of 10,000 rather than 20,000 take a million-job catch-up the same time with less held between commits.
 */
export const UNIT_PIPELINES = 20;

export function collectLimits(config: Config): CollectLimits {
  const { scanCount, batchSize } = config.collect;
  return { scanCount, batchSize, unitRows: batchSize * UNIT_PIPELINES };
}

/**
 * One collection pass over the given sources, one after another. A failing source does not stop the others (an
 * aborted signal does); the caller gets every summary and the first error.
 */
export async function collectAll(options: {
  warehouse: Warehouse;
  sources: readonly SourceConfig[];
  limits: CollectLimits;
  logger: Logger;
  now: () => number;
  /** Checked between sources and, inside each, between units: stops the pass at the next safe boundary. */
  signal?: AbortSignal;
}): Promise<{ summaries: CollectSummary[]; error?: unknown }> {
  const summaries: CollectSummary[] = [];
  let firstError: unknown;
  for (const config of options.sources) {
    if (options.signal?.aborted) {
      firstError ??= options.signal.reason;
      break;
    }
    const result = await collectSource({
      warehouse: options.warehouse,
      source: redisSource(config),
      limits: options.limits,
      logger: options.logger,
      now: options.now,
      signal: options.signal,
    });
    summaries.push(result.summary);
    if (result.error !== undefined) firstError ??= result.error;
  }
  return firstError === undefined ? { summaries } : { summaries, error: firstError };
}
