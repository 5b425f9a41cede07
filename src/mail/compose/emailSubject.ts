import type { ReportBundle } from '../../report/ReportBundle.ts';
import { cleanLine } from './cleanText.ts';
import { readinessBrief } from './describeReadiness.ts';

const STATUS_WORDS: Record<ReportBundle['verdict']['status'], string> = {
  healthy: 'Healthy',
  watch: 'Watch',
  act: 'Act now',
  unknown: 'Status unknown',
};

/**
 * The verdict in the subject line, so the inbox list alone tells the story:
 * "Almanac daily report, Saturday 21 November 2026: Watch, readiness 78 (up 4)".
 */
export function emailSubject(bundle: ReportBundle, siteTitle: string): string {
  const prefix = bundle.restates ? `Restated: ` : '';
  const suffix = bundle.data_quality.partial ? ' [partial data]' : '';
  const verdict = `${STATUS_WORDS[bundle.verdict.status]}, readiness ${readinessBrief(bundle.readiness.production)}`;
  return cleanLine(`${prefix}${siteTitle} ${bundle.kind} report, ${bundle.period.label}: ${verdict}${suffix}`);
}
