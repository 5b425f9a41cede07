import { randomUUID } from 'node:crypto';
import { isAlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { Logger } from '../log/Logger.ts';
import { redactSecretsIn } from '../util/redactUrl.ts';
import { readSql } from '../warehouse/readSql.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';
import type { CollectLimits, CollectSession } from './CollectSession.ts';
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
  /** Stops the pass at the next unit boundary (shutdown, timeout); the pass is then recorded as interrupted. */
  signal?: AbortSignal;
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
    await source.collect(unitLogging(session, log), options.signal);
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
  // Stopped on request: recorded like a killed pass ('failed', "interrupted: ..."), but said calmly in the log.
  const interrupted = failure !== undefined && options.signal?.aborted === true && failure === options.signal.reason;
  const message =
    failure === undefined
      ? null
      : redactSecretsIn(
          interrupted
            ? `interrupted: ${errorMessage(failure)}; the next pass resumes from the last committed unit`
            : errorMessage(failure),
        );
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
  if (interrupted) {
    log.warn('collection stopped on request; the next pass resumes from the last committed unit', { ...summary });
    return { summary, error: failure };
  }
  if (failure !== undefined) {
    log.error('collection failed', { code: isAlmanacError(failure) ? failure.code : undefined, error: message });
    return { summary, error: failure };
  }
  log.info('collected', { ...summary });
  return { summary };
}

/**
 * The session as the source sees it, with a debug line per committed unit: where a long pass is, and (for tests and
 * operators) proof that a stop came between units.
 */
function unitLogging(session: WarehouseSession, log: Logger): CollectSession {
  let units = 0;
  return {
    source: session.source,
    now: session.now,
    limits: session.limits,
    logger: session.logger,
    checkpoint: (name) => session.checkpoint(name),
    existingJobs: (queue, ids) => session.existingJobs(queue, ids),
    countJobs: (queue, status) => session.countJobs(queue, status),
    async commit(unit) {
      const result = await session.commit(unit);
      units += 1;
      log.debug('collect unit committed', {
        unit: units,
        jobs: unit.jobs?.length ?? 0,
        checkpoints: Object.keys(unit.checkpoints ?? {}),
      });
      return result;
    },
  };
}
