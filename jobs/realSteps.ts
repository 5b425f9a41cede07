import packageJson from '../package.json' with { type: 'json' };
import { analyze } from '../src/analysis/analyze.ts';
import { BundleStore } from '../src/analysis/store/BundleStore.ts';
import { collectAll, collectLimits } from '../src/collect/collectAll.ts';
import { AlmanacError } from '../src/errors/AlmanacError.ts';
import { deliverReports } from '../src/mail/deliverReports.ts';
import { outboxTransport } from '../src/mail/transport/outboxTransport.ts';
import { smtpTransport } from '../src/mail/transport/smtpTransport.ts';
import { exportPdfs } from '../src/pdf/exportPdfs.ts';
import type { BundleKind } from '../src/report/BundleKind.ts';
import { PartialFailure } from '../src/schedule/PartialFailure.ts';
import { runBuildInChild } from '../src/schedule/runBuildInChild.ts';
import type { Steps } from '../src/schedule/Steps.ts';

/**
 * The pipeline steps bound to the stage engines. Each entry is a thin adapter: the engine's own entry point with
 * the warehouse, config, logger and clock it needs, its result reduced to a JSON summary for the run log, and
 * an error when the engine reports a failure in its result rather than by throwing.
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
      signal: context.signal,
    });
    // A failing source does not stop the others (collectAll carries on); the run still counts as failed.
    if (result.error !== undefined) throw result.error;
    return { sources: result.summaries };
  },

  async analyze(context, options) {
    const { config } = context;
    if (options.restate && (!options.from || !options.through)) {
      throw new AlmanacError('BadUsage', 'A restatement needs the days to recompute (from and through).', {
        exitCode: 2,
      });
    }
    const result = await analyze({
      db: context.warehouse,
      store: new BundleStore(config.paths.reports),
      logger: context.logger,
      now: context.now().getTime(),
      timeZone: config.timezone,
      ...(options.restate
        ? { restate: { from: options.from!, to: options.through!, reason: options.reason ?? 'backfill' } }
        : options.through
          ? { through: options.through }
          : {}),
      targets: config.targets,
      pools: config.pools,
      version: packageJson.version,
      signal: context.signal,
      progress: context.progress,
    });
    return {
      asOf: result.asOf,
      written: result.written.map(
        (w) => `${w.kind}/${w.id}${w.closed ? '' : ' (open)'}${w.revision > 1 ? ` (revision ${w.revision})` : ''}`,
      ),
      waiting: result.waiting.map((w) => `${w.kind}/${w.id}`),
      note: result.note,
      seconds: Number(result.seconds.toFixed(2)),
    };
  },

  async build(context, options) {
    const { config } = context;
    // In a child process: Astro/Vite handle SIGTERM by exiting, which must not cut the scheduler's shutdown short.
    const result = await runBuildInChild(
      {
        reportsDir: config.paths.reports,
        distDir: config.paths.dist,
        pdfDir: config.paths.pdf,
        siteTitle: config.site.title,
        timezone: config.timezone,
        full: options.full ?? false,
        nowMs: context.now().getTime(),
      },
      context.logger,
      context.signal,
      context.progress,
    );
    return {
      mode: result.mode,
      reason: result.reason,
      reports: result.reports,
      built: result.built.length,
      removed: result.removed.length,
      seconds: Number(result.seconds.total.toFixed(2)),
    };
  },

  async pdf(context, options) {
    const summary = await exportPdfs({
      config: context.config,
      warehouse: context.warehouse,
      logger: context.logger,
      now: () => context.now(),
      report: options.report,
      signal: context.signal,
      progress: context.progress,
    });
    // Stopped between reports: the printed ones are recorded; the run ends as interrupted, the rest print next time.
    if (summary.interrupted) context.signal.throwIfAborted();
    const brief = {
      status: summary.status,
      passed: summary.passed,
      failed: summary.failed,
      upToDate: summary.up_to_date,
      seconds: Number(summary.seconds.toFixed(2)),
      failures: summary.reports
        .filter((r) => r.status === 'failed')
        .map((r) => `${r.kind}/${r.id}: ${r.error ?? r.failed_check}`),
    };
    if (summary.failed > 0) {
      throw new PartialFailure(
        'PdfExportFailed',
        `${summary.failed} of ${summary.selected} PDFs failed the print gate (${brief.failures.slice(0, 3).join('; ')}).`,
        brief,
        { hint: 'The previous good PDFs stay in place. `almanac pdf --report KIND:ID --debug` shows why one failed.' },
      );
    }
    return brief;
  },

  async deliver(context, options) {
    const { config } = context;
    if (!options.dryRun && !config.email.smtpUrl) {
      if (config.email.subscriptions.length === 0) return { skipped: 'no mail server and no subscriptions configured' };
      throw new AlmanacError('SmtpNotConfigured', 'Email subscriptions are configured, but no mail server.', {
        hint: 'Set SMTP_URL (smtp://user:pass@host:587 or smtps://...) or email.smtpUrl.',
        exitCode: 2,
      });
    }
    const transport = options.dryRun
      ? outboxTransport(config.paths.outbox)
      : smtpTransport({ url: config.email.smtpUrl!, timeoutMs: config.email.timeoutMs });
    try {
      const deps = {
        config,
        warehouse: context.warehouse,
        transport,
        logger: context.logger,
        now: () => context.now(),
      };
      const runs = options.resend?.length
        ? options.resend.map((ref) => {
            const [kind, id] = ref.split(':') as [BundleKind, string];
            return { resend: { kind, id } };
          })
        : [{}];
      const results = [];
      for (const run of runs) results.push(await deliverReports(deps, run));
      const result = {
        sent: results.flatMap((r) => r.sent),
        failed: results.flatMap((r) => r.failed),
        deferred: results.flatMap((r) => r.deferred),
        held: results.flatMap((r) => r.held),
        unconfirmed: results.flatMap((r) => r.unconfirmed),
      };
      const brief = {
        sent: result.sent.length,
        failed: result.failed.length,
        deferred: result.deferred.length,
        held: result.held.length,
        unconfirmed: result.unconfirmed.length,
      };
      if (brief.failed + brief.deferred + brief.held + brief.unconfirmed > 0) {
        throw new PartialFailure(
          'DeliveryIncomplete',
          `Not every email went out: ${brief.sent} sent, ${brief.failed} failed, ${brief.deferred} deferred, ` +
            `${brief.held} held, ${brief.unconfirmed} unconfirmed.`,
          brief,
          { hint: 'Deferred emails are retried on the next delivery; `almanac deliver --dry-run` shows what is due.' },
        );
      }
      return brief;
    } finally {
      transport.close();
    }
  },
};
