import { AlmanacError } from '../errors/AlmanacError.ts';

/** What a step says when its engine is not part of this build yet (jobs/realSteps.ts wires the rest). */
export function stepNotAvailable(step: string, engine: string): never {
  throw new AlmanacError('StepNotAvailable', `The ${step} step is not available in this version: ${engine}.`, {
    hint: '`almanac status` shows which jobs ran; the other steps still run on their own commands.',
    exitCode: 2,
  });
}
