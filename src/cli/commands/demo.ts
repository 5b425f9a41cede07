import { realSteps } from '../../../jobs/realSteps.ts';
import { formatDemoResult } from '../../demo/formatDemoResult.ts';
import { runDemo } from '../../demo/runDemo.ts';
import type { Command } from '../Command.ts';
import { writeJson } from '../writeJson.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Simulate 90 days, analyze, build the site and PDFs with no services; print where to look.',
  usage: 'demo',
  options: {},
  async run(context) {
    const result = await runDemo({
      config: context.config,
      logger: context.logger,
      now: () => context.now(),
      steps: realSteps,
      progress: context.progress,
    });
    if (context.json) {
      const { config, ...rest } = result;
      writeJson(context.stdout, { ok: true, distDir: config.paths.dist, pdfDir: config.paths.pdf, ...rest });
    } else context.stdout.write(formatDemoResult(result, context.cwd));
    // Everything else worked and is printed above; a PDF that fails its gate still makes the demo fail.
    return result.pdfFailures.length > 0 ? 1 : 0;
  },
};
