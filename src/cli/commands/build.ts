import type { Command } from '../Command.ts';
import { writeJson } from '../writeJson.ts';
import { buildSite } from '../../site/buildSite.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the static site from the report bundles into dist/.',
  usage: 'build [--full]',
  options: {
    full: { type: 'boolean', description: 'Rebuild every page, not only new and restated periods.' },
  },
  async run(context, args) {
    const { config } = context;
    const result = await buildSite({
      reportsDir: config.paths.reports,
      distDir: config.paths.dist,
      pdfDir: config.paths.pdf,
      siteTitle: config.site.title,
      timezone: config.timezone,
      full: args.values.full === true,
      logger: context.logger,
      now: () => context.now(),
      progress: context.progress,
    });
    if (context.json) {
      writeJson(context.stdout, result);
      return;
    }
    context.stdout.write(
      `Built ${result.built.length} of ${result.reports} report pages (${result.mode}: ${result.reason}) ` +
        `plus home and archive in ${result.seconds.total.toFixed(1)} s.\n` +
        (result.removed.length ? `Removed ${result.removed.length} pages whose bundles are gone.\n` : '') +
        `Open ${result.distDir}/index.html\n`,
    );
  },
};
