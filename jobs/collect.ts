import type { Job } from '../src/schedule/Job.ts';
import { runStep } from '../src/schedule/runStep.ts';

/** Every few minutes: one collection pass over all sources (resumes from each source's checkpoints). */
export const collectJob: Job = {
  name: 'collect',
  async run(context, steps) {
    return runStep(context, 'collect', () => steps.collect(context));
  },
};
