import { createHash } from 'node:crypto';

/**
 * Deterministic Message-IDs. The same delivery (report, recipient, generation) always carries the same id, so a
 * retry after an unknown outcome is recognisable as the same message (by the receiving server's duplicate checks,
 * by mail clients that collapse equal ids, and by a person grepping the server log for the id the ledger holds).
 * The recipient appears only as a hash: ids travel in headers and logs.
 */
export function deliveryMessageId(
  domain: string,
  delivery: { kind: string; reportId: string; recipient: string; generation: number },
): string {
  const who = shortHash(delivery.recipient.toLowerCase());
  return `<almanac.${delivery.kind}.${delivery.reportId}.g${delivery.generation}.${who}@${domain}>`;
}

/** The owner notice that carries a given set of problems (same problems, same id). */
export function noticeMessageId(domain: string, noticeKeys: readonly string[]): string {
  return `<almanac.notice.${shortHash([...noticeKeys].sort().join('\n'))}@${domain}>`;
}

/** The domain of the sender address (`Almanac <almanac@example.com>` → `example.com`), the usual id right-hand side. */
export function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1]?.toLowerCase() ?? 'almanac.invalid';
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
