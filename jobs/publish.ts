import type { Job } from '../src/schedule/Job.ts';
import { runStep } from '../src/schedule/runStep.ts';

/**
 * Daily: analyze (bundles for every closed period that lacks one, plus the open period), build the site, export
 * the PDFs. Weekly and monthly reports publish with it when their period has closed: the analysis engine decides
 * which periods are due, so a daemon that was down publishes every period it missed in one run.
 */
export const publishJob: Job = {
  name: 'publish',
  async run(context, steps) {
    const analyze = await runStep(context, 'analyze', () => steps.analyze(context, {}));
    const build = await runStep(context, 'build', () => steps.build(context, {}));
    const pdf = await runStep(context, 'pdf', () => steps.pdf(context, {}));
    return { analyze, build, pdf };
  },
};
