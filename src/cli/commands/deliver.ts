import { AlmanacError } from '../../errors/AlmanacError.ts';
import { deliverReports } from '../../mail/deliverReports.ts';
import { formatDeliverResult } from '../../mail/formatDeliverResult.ts';
import { openMailTransport } from '../../mail/openMailTransport.ts';
import { isBundleKind, type BundleKind } from '../../report/BundleKind.ts';
import { isBundleId } from '../../report/bundleId.ts';
import type { Command } from '../Command.ts';
import { writeJson } from '../writeJson.ts';

export const deliverCommand: Command = {
  name: 'deliver',
  summary: 'Email due reports to their subscribers and record each delivery.',
  usage: 'deliver [--dry-run] [--resend KIND:ID]',
  options: {
    'dry-run': { type: 'boolean', description: 'Write .eml files to data/outbox/ instead of sending.' },
    resend: { type: 'string', valueName: 'KIND:ID', description: 'Send this report again on purpose.' },
  },
  async run(context, args) {
    const dryRun = args.values['dry-run'] === true;
    const resend = typeof args.values.resend === 'string' ? parseReportRef(args.values.resend) : undefined;
    const { config } = context;
    const transport = openMailTransport(config, { dryRun });
    try {
      const warehouse = await context.openWarehouse({ readOnly: dryRun });
      try {
        const result = await deliverReports(
          { config, warehouse, transport, logger: context.logger, now: () => context.now() },
          resend ? { resend } : {},
        );
        if (context.json) writeJson(context.stdout, result);
        else context.stdout.write(formatDeliverResult(result));
        const trouble = result.failed.length + result.deferred.length + result.held.length + result.unconfirmed.length;
        const resendMissed = resend !== undefined && result.sent.length === 0;
        return trouble > 0 || resendMissed ? 1 : 0;
      } finally {
        await warehouse.close();
      }
    } finally {
      transport.close();
    }
  },
};

function parseReportRef(text: string): { kind: BundleKind; id: string } {
  const [kind, id, ...rest] = text.split(':');
  if (rest.length > 0 || !kind || !id || !isBundleKind(kind) || !isBundleId(kind, id)) {
    throw new AlmanacError('BadUsage', `"${text}" does not name a report.`, {
      hint: 'Use KIND:ID, e.g. daily:2026-11-21, weekly:2026-W47 or monthly:2026-11.',
      exitCode: 2,
    });
  }
  return { kind, id };
}
