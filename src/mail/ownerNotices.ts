import { cleanLine } from './compose/cleanText.ts';
import type { NewNotice, NoticeRow } from './ledger/DeliveryRow.ts';

/** The problems the owner hears about, each worded with what to do next. */
export function deliveryFailedNotice(kind: string, id: string, recipient: string, generation: number, error: string) {
  return notice('delivery_failed', `delivery-failed:${kind}:${id}:${recipient}:${generation}`, kind, id, recipient, [
    `The mail server refused the ${kind} report ${id} for ${recipient}: ${error}`,
    `Almanac will not retry it. Fix the address or the server, then run: almanac deliver --resend ${kind}:${id}`,
  ]);
}

export function deliveryGaveUpNotice(
  kind: string,
  id: string,
  recipient: string,
  generation: number,
  attempts: number,
  error: string,
) {
  return notice('delivery_gave_up', `delivery-gave-up:${kind}:${id}:${recipient}:${generation}`, kind, id, recipient, [
    `The ${kind} report ${id} could not be delivered to ${recipient} after ${attempts} attempts; the last error was: ${error}`,
    `Almanac has stopped trying. Once the mail server works again, run: almanac deliver --resend ${kind}:${id}`,
  ]);
}

export function deliveryUncertainNotice(
  kind: string,
  id: string,
  recipient: string,
  generation: number,
  messageId: string,
) {
  return notice(
    'delivery_uncertain',
    `delivery-uncertain:${kind}:${id}:${recipient}:${generation}`,
    kind,
    id,
    recipient,
    [
      `Sending the ${kind} report ${id} to ${recipient} was cut off after the message went out (the run died or the server stopped answering), so Almanac cannot tell whether the mail server accepted it.`,
      `To make sure nobody gets the report twice it is counted as sent. Look for Message-ID ${messageId} in the mail server's log; if it is not there, run: almanac deliver --resend ${kind}:${id}`,
    ],
  );
}

export function pdfFailedNotice(kind: string, id: string, check: string, error: string) {
  return notice('pdf_failed', `pdf-failed:${kind}:${id}`, kind, id, null, [
    `The ${kind} report ${id} was not emailed to anyone: its PDF failed the check "${check}": ${error}`,
    `Fix the cause and export it again (almanac pdf --report ${kind}:${id}); the next deliver run then sends it.`,
  ]);
}

export function pdfMissingNotice(kind: string, id: string, file: string) {
  return notice('pdf_missing', `pdf-missing:${kind}:${id}`, kind, id, null, [
    `The ${kind} report ${id} was not emailed: its PDF passed the print checks but the file ${file} is missing.`,
    `Export it again (almanac pdf --report ${kind}:${id}); the next deliver run then sends it.`,
  ]);
}

export function bundleUnreadableNotice(kind: string, id: string, error: string) {
  return notice('bundle_unreadable', `bundle-unreadable:${kind}:${id}`, kind, id, null, [
    `The ${kind} report ${id} was not emailed: its bundle could not be read: ${error}`,
    `Run almanac analyze again to rewrite it; the next deliver run then sends it.`,
  ]);
}

function notice(
  problem: string,
  key: string,
  kind: string,
  id: string,
  recipient: string | null,
  lines: string[],
): NewNotice {
  return { notice_key: key, problem, kind, report_id: id, recipient, detail: lines.map(cleanLine).join('\n') };
}

/** One plain-text email to the owner listing every problem not yet told, worst first as they were found. */
export function composeOwnerNotice(siteTitle: string, notices: Pick<NoticeRow, 'detail'>[]) {
  const count = notices.length;
  const subject = `${cleanLine(siteTitle)}: ${count} email delivery ${count === 1 ? 'problem needs' : 'problems need'} your attention`;
  const body = notices.map((n, i) => `${i + 1}. ${n.detail.split('\n').join('\n   ')}`).join('\n\n');
  const text = `${body}\n\n--\nYou receive this because you are the owner (email.owner) of this Almanac. Each problem is reported once; \`almanac sql "select * from deliveries"\` shows every delivery.\n`;
  return { subject, text };
}
