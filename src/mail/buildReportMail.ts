import type { Config } from '../config/Config.ts';
import { composeReportEmail, pdfFileName, type ComposedEmail } from './compose/composeReportEmail.ts';
import type { PlannedDelivery } from './planDeliveries.ts';
import type { OutgoingMail } from './transport/MailTransport.ts';

/**
 * The message for one planned delivery. The composed subject and parts are cached per report (and whether the PDF
 * is attached) in `cache`, since every recipient of a report reads the same words.
 */
export function buildReportMail(
  config: Config,
  delivery: PlannedDelivery,
  messageId: string,
  pdf: Buffer | null,
  cache: Map<string, ComposedEmail>,
): OutgoingMail {
  const { kind, report_id: id, recipient, generation } = delivery.key;
  const fileName = pdf ? pdfFileName(kind, id) : null;
  const cacheKey = `${kind}/${id}/${fileName !== null}`;
  let composed = cache.get(cacheKey);
  if (!composed) {
    composed = composeReportEmail(delivery.bundle, {
      siteTitle: config.site.title,
      baseUrl: config.site.baseUrl,
      pdfFileName: fileName,
    });
    cache.set(cacheKey, composed);
  }
  return {
    from: config.email.from,
    to: recipient,
    subject: composed.subject,
    html: composed.html,
    text: composed.text,
    messageId,
    attachments: pdf && fileName ? [{ filename: fileName, content: pdf, contentType: 'application/pdf' }] : [],
    headers: { 'X-Almanac-Report': `${kind}/${id}`, 'X-Almanac-Revision': String(delivery.bundle.revision) },
    label: `${kind}-${id}${generation > 1 ? `-g${generation}` : ''}-${recipient}`,
  };
}
