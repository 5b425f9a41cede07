import type { Command } from '../Command.ts';
import { stopOnSignals } from '../stopOnSignals.ts';
import { writeJson } from '../writeJson.ts';
import { exportPdfs } from '../../pdf/exportPdfs.ts';

export const pdfCommand: Command = {
  name: 'pdf',
  summary: 'Export PDFs for reports that lack one (or the one named), behind a print release gate.',
  usage: 'pdf [--report KIND:ID] [--all]',
  options: {
    report: { type: 'string', valueName: 'KIND:ID', description: 'Export this report only, e.g. daily:2026-11-21.' },
    all: { type: 'boolean', description: 'Export every report again, not only new, restated or failed ones.' },
  },
  async run(context, args) {
    const warehouse = await context.openWarehouse();
    const stop = stopOnSignals(context.logger);
    try {
      const summary = await exportPdfs({
        config: context.config,
        warehouse,
        logger: context.logger,
        now: () => context.now(),
        report: typeof args.values.report === 'string' ? args.values.report : undefined,
        all: args.values.all === true,
        signal: stop.signal,
        progress: context.progress,
      });
      if (context.json) {
        writeJson(context.stdout, summary);
      } else if (summary.status === 'up-to-date') {
        context.stdout.write(`Every PDF is up to date (${summary.up_to_date} reports).\n`);
      } else {
        for (const r of summary.reports) {
          context.stdout.write(
            r.status === 'passed'
              ? `passed  ${r.kind}:${r.id}  ${r.pages} pages, ${(r.bytes! / 1024).toFixed(0)} KiB  ${r.path}\n`
              : `FAILED  ${r.kind}:${r.id}  ${r.failed_check}: ${r.error}\n`,
          );
        }
        context.stdout.write(
          `${summary.passed} exported, ${summary.failed} failed, ${summary.up_to_date} up to date ` +
            `in ${summary.seconds.toFixed(1)} s` +
            (summary.relaunches ? ` (browser relaunched ${summary.relaunches}x)` : '') +
            '.\n' +
            (summary.interrupted
              ? `stopped by ${stop.received()}; ${summary.selected - summary.reports.length} reports left for the next run\n`
              : ''),
        );
      }
      return summary.failed > 0 ? 1 : 0;
    } finally {
      await warehouse.close();
      stop.dispose();
    }
  },
};
