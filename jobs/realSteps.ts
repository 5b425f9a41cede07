import type { Steps } from '../src/schedule/Steps.ts';
import { stepNotAvailable } from '../src/schedule/stepNotAvailable.ts';

/**
 * The pipeline steps bound to the stage engines. Each entry is a thin adapter: the engine's own entry point with
 * the warehouse, config, logger, clock and stop signal it needs, and its result reduced to a JSON summary.
 */
export const realSteps: Steps = {
  async collect() {
    return stepNotAvailable('collect', 'the collector has not landed');
  },
  async analyze() {
    return stepNotAvailable('analyze', 'the analysis engine has not landed');
  },
  async build() {
    return stepNotAvailable('build', 'the site builder has not landed');
  },
  async pdf() {
    return stepNotAvailable('pdf', 'the PDF exporter has not landed');
  },
  async deliver() {
    return stepNotAvailable('deliver', 'the mail engine has not landed');
  },
};
