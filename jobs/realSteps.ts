import { collectAll, collectLimits } from '../src/collect/collectAll.ts';
import type { Steps } from '../src/schedule/Steps.ts';
import { stepNotAvailable } from '../src/schedule/stepNotAvailable.ts';
import { buildSite } from '../src/site/buildSite.ts';

/**
 * The pipeline steps bound to the stage engines. Each entry is a thin adapter: the engine's own entry point with
 * the warehouse, config, logger and clock it needs, and its result reduced to a JSON summary for the run log.
 */
export const realSteps: Steps = {
  async collect(context) {
    const { config } = context;
    if (config.sources.length === 0) {
      context.logger.warn('no sources configured: nothing to collect (add "sources" or set REDIS_URL)');
      return { sources: [] };
    }
    const result = await collectAll({
      warehouse: context.warehouse,
      sources: config.sources,
      limits: collectLimits(config),
      logger: context.logger,
      now: () => context.now().getTime(),
    });
    // A failing source does not stop the others (collectAll carries on); the run still counts as failed.
    if (result.error !== undefined) throw result.error;
    return { sources: result.summaries };
  },
  async analyze() {
    return stepNotAvailable('analyze', 'the analysis engine has not landed');
  },
  async build(context, options) {
    const { config } = context;
    const result = await buildSite({
      reportsDir: config.paths.reports,
      distDir: config.paths.dist,
      pdfDir: config.paths.pdf,
      siteTitle: config.site.title,
      timezone: config.timezone,
      full: options.full ?? false,
      logger: context.logger,
      now: () => context.now(),
    });
    return {
      mode: result.mode,
      reason: result.reason,
      reports: result.reports,
      built: result.built.length,
      removed: result.removed.length,
      seconds: Number(result.seconds.total.toFixed(2)),
    };
  },
  async pdf() {
    return stepNotAvailable('pdf', 'the PDF exporter has not landed');
  },
  async deliver() {
    return stepNotAvailable('deliver', 'the mail engine has not landed');
  },
};
