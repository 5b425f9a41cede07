import { randomUUID } from 'node:crypto';
import { isAlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { Logger } from '../log/Logger.ts';
import { redactSecretsIn } from '../util/redactUrl.ts';
import { readSql } from '../warehouse/readSql.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import type { CollectLimits } from './CollectSession.ts';
import type { CollectSummary } from './CollectSummary.ts';
import type { Source } from './Source.ts';
import { sqlStatements } from './sqlStatements.ts';
import { WarehouseSession } from './WarehouseSession.ts';

export interface CollectSourceOptions {
  warehouse: Warehouse;
  source: Source;
  limits: CollectLimits;
  logger: Logger;
  now: () => number;
}

/**
 * One pass over one source: a `running` row in collection_runs, the source's units (each its own transaction
 * with its checkpoints), then the row closed as ok or failed. A failure never leaves half a unit behind; the
 * error is recorded (without credentials) and rethrown for the caller to report.
 */
export async function collectSource(
  options: CollectSourceOptions,
): Promise<{ summary: CollectSummary; error?: unknown }> {
  const { warehouse, source, limits, logger } = options;
  const startedAt = options.now();
  const runId = randomUUID();
  await warehouse.transaction(async () => {
    await warehouse.run(readSql(import.meta.url, 'sql/failInterruptedRuns.sql'), {
      source: source.name,
      now: new Date(startedAt),
    });
    await warehouse.run(readSql(import.meta.url, 'sql/insertRun.sql'), {
      runId,
      source: source.name,
      layout: source.layout,
      startedAt: new Date(startedAt),
    });
  });
  const log = logger.child({ source: source.name, runId });
  for (const statement of sqlStatements(readSql(import.meta.url, 'sql/collectSettings.sql'))) {
    await warehouse.run(statement);
  }
  const session = await WarehouseSession.open(warehouse, source.name, startedAt, limits, log);
  let failure: unknown;
  try {
    await source.collect(session);
  } catch (error) {
    failure = error;
  } finally {
    // Every unit has committed or rolled back by now; a staging table that cannot be dropped costs memory only.
    await session
      .close()
      .catch((error: unknown) => log.warn('could not drop the staging tables', { error: errorMessage(error) }));
  }
  const finishedAt = options.now();
  const t = session.totals;
  const message = failure === undefined ? null : redactSecretsIn(errorMessage(failure));
  const summary: CollectSummary = {
    source: source.name,
    layout: source.layout,
    runId,
    status: failure === undefined ? 'ok' : 'failed',
    jobsNew: t.jobsNew,
    jobsUpdated: t.jobsUpdated,
    snapshots: t.snapshots,
    modelDownloads: t.modelDownloads,
    rejects: t.rejects,
    gaps: t.gaps,
    seconds: Math.round(finishedAt - startedAt) / 1000,
    error: message,
  };
  await warehouse.run(readSql(import.meta.url, 'sql/finishRun.sql'), {
    runId,
    status: summary.status,
    finishedAt: new Date(finishedAt),
    error: message,
    jobsWritten: t.jobsNew + t.jobsUpdated,
    jobsNew: t.jobsNew,
    jobsUpdated: t.jobsUpdated,
    snapshots: t.snapshots,
    rejects: t.rejects,
    modelDownloads: t.modelDownloads,
    gaps: t.gaps,
    seconds: summary.seconds,
  });
  await warehouse.run('CHECKPOINT');
  for (const statement of sqlStatements(readSql(import.meta.url, 'sql/restoreSettings.sql'))) {
    await warehouse.run(statement);
  }
  if (failure !== undefined) {
    log.error('collection failed', { code: isAlmanacError(failure) ? failure.code : undefined, error: message });
    return { summary, error: failure };
  }
  log.info('collected', { ...summary });
  return { summary };
}
