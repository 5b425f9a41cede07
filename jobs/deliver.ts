import type { Job } from '../src/schedule/Job.ts';
import { runStep } from '../src/schedule/runStep.ts';

/** Right after a successful publish: email the reports that are due (the mail ledger prevents duplicates). */
export const deliverJob: Job = {
  name: 'deliver',
  async run(context, steps) {
    return runStep(context, 'deliver', () => steps.deliver(context, {}));
  },
};
