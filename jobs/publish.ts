import type { Job } from '../src/schedule/Job.ts';
import { isPartialFailure } from '../src/schedule/PartialFailure.ts';
import { runStep } from '../src/schedule/runStep.ts';

/**
 * Daily: analyze (bundles for every closed period that lacks one, plus the open periods), build the site, export
 * the PDFs (printed from the built pages), then build again so that pages link their new PDFs (incremental: only
 * those pages). Weekly and monthly reports publish with it when their period has closed: the analysis engine
 * decides which periods are due, so a scheduler that was down publishes every period it missed in one run.
 */
export const publishJob: Job = {
  name: 'publish',
  async run(context, steps) {
    const analyze = await runStep(context, 'analyze', () => steps.analyze(context, {}));
    const build = await runStep(context, 'build', () => steps.build(context, {}));
    let pdf;
    let partial = null;
    try {
      pdf = await runStep(context, 'pdf', () => steps.pdf(context, {}));
    } catch (error) {
      // Some PDFs failed the gate: still link the ones that passed, then report the failure.
      if (!isPartialFailure(error)) throw error;
      partial = error;
      pdf = error.summary;
    }
    const link = await runStep(context, 'build', () => steps.build(context, {}));
    const summary = { analyze, build, pdf, link };
    if (partial) {
      partial.summary = summary;
      throw partial;
    }
    return summary;
  },
};
