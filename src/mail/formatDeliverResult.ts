import type { DeliverResult } from './deliverReports.ts';

/** The human summary `almanac deliver` prints on stdout: one line per event, then the totals. */
export function formatDeliverResult(result: DeliverResult): string {
  const lines: string[] = [];
  if (result.subscriptions === 0) {
    lines.push('No subscriptions are configured (email.subscriptions in almanac.config.json): nothing is due.');
  }
  const verb = result.dryRun ? 'wrote' : 'sent';
  for (const r of result.reconciled) {
    lines.push(`unconfirmed ${r.kind} ${r.id} to ${r.recipient}: a previous run died while sending (${r.messageId})`);
  }
  for (const u of result.unconfirmed) {
    lines.push(`unconfirmed ${u.kind} ${u.id} to ${u.recipient}: no reply after sending (${u.error}); counted as sent`);
  }
  for (const s of result.sent)
    lines.push(
      `${verb} ${s.kind} ${s.id} to ${s.recipient}${result.dryRun ? `: ${s.response.replace(/^written to /, '')}` : ''}`,
    );
  for (const f of result.failed) lines.push(`FAILED ${f.kind} ${f.id} to ${f.recipient}: ${f.error}`);
  for (const d of result.deferred) {
    lines.push(
      `deferred ${d.kind} ${d.id} to ${d.recipient}: ${d.error}${d.nextAttemptAt ? ` (retry after ${d.nextAttemptAt})` : ''}`,
    );
  }
  for (const h of result.held) lines.push(`held ${h.kind} ${h.id}: ${h.reason}`);
  for (const p of result.pending) lines.push(`waiting ${p.kind} ${p.id}: ${p.reason}`);
  const parts = [
    `${result.sent.length} ${result.dryRun ? 'written to the outbox' : 'sent'}`,
    `${result.failed.length} failed`,
    `${result.deferred.length} deferred`,
    `${result.waiting.length} waiting to retry`,
    `${result.held.length} held`,
  ];
  if (result.notices.sent + result.notices.skipped + result.notices.deferred + result.notices.failed > 0) {
    parts.push(
      `owner notices: ${result.notices.sent} sent, ${result.notices.skipped} skipped (no owner), ${result.notices.deferred} deferred, ${result.notices.failed} failed`,
    );
  }
  lines.push(`${result.dryRun ? 'dry run: ' : ''}${parts.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
