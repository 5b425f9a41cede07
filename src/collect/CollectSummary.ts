/** What `almanac collect --json` prints for one source. */
export interface CollectSummary {
  source: string;
  layout: string;
  runId: string;
  status: 'ok' | 'failed';
  jobsNew: number;
  jobsUpdated: number;
  snapshots: number;
  modelDownloads: number;
  rejects: number;
  gaps: number;
  seconds: number;
  error: string | null;
}
