import { AlmanacError, type AlmanacErrorOptions } from '../errors/AlmanacError.ts';
import type { StepSummary } from './Steps.ts';

/**
 * A step that did part of its work and failed the rest (e.g. two of thirty PDFs failed the print gate): the run
 * is logged as failed, loudly, but the jobs that follow still run, since they handle what is missing themselves
 * (mail sends the reports whose PDF passed and tells the owner about the others).
 */
export class PartialFailure extends AlmanacError {
  summary: StepSummary;

  constructor(code: string, message: string, summary: StepSummary, options: AlmanacErrorOptions = {}) {
    super(code, message, options);
    this.name = 'PartialFailure';
    this.summary = summary;
  }
}

export function isPartialFailure(error: unknown): error is PartialFailure {
  return error instanceof PartialFailure;
}
