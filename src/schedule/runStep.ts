import { AlmanacError, isAlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { StepContext, StepName, StepSummary } from './Steps.ts';

/**
 * Runs one step of a job, refusing to start it once the run was asked to stop, and names the step in any error
 * so that "publish failed" says which of analyze, build and pdf failed. The error keeps its code.
 */
export async function runStep(
  context: StepContext,
  step: StepName,
  work: () => Promise<StepSummary>,
): Promise<StepSummary> {
  if (context.signal.aborted) throw stopped(step, context.signal.reason);
  const startedAt = performance.now();
  context.logger.debug(`${step} started`, { step });
  try {
    const summary = await work();
    context.logger.info(`${step} finished`, { step, ms: Math.round(performance.now() - startedAt) });
    return summary;
  } catch (error) {
    if (isAlmanacError(error)) {
      // Prefixed in place, so the error keeps its class (PartialFailure), code, hint and exit code.
      if (!error.message.startsWith(`${step}: `)) error.message = `${step}: ${error.message}`;
      throw error;
    }
    if (context.signal.aborted) throw stopped(step, context.signal.reason);
    throw new AlmanacError('StepFailed', `${step}: ${errorMessage(error)}`, {
      hint: 'Run the step alone with --debug (e.g. `almanac ' + step + ' --debug`) to see the stack trace.',
      cause: error,
    });
  }
}

/** The error a step run ends with when it was stopped (shutdown or timeout) before or while it ran. */
export function stopped(step: string, reason: unknown): AlmanacError {
  const why = isAlmanacError(reason) ? reason : null;
  return new AlmanacError(why?.code ?? 'RunStopped', `${step}: stopped before it finished (${errorMessage(reason)}).`, {
    hint: why?.hint ?? 'The next run carries on from where this one stopped.',
  });
}
