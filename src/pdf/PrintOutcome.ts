import type { GateVerdict } from './GateCheck.ts';
import type { PrintJob } from './PrintJob.ts';

export interface PrintOutcome {
  job: PrintJob;
  verdict: GateVerdict;
  /** The finished PDF when the gate passed, else null (a failed PDF is never written). */
  pdf: Uint8Array | null;
  bytes: number | null;
  pages: number | null;
  /** Render attempts used: 1, plus one per retry (a timeout and a browser crash are retried once each). */
  attempts: number;
  renderMs: number | null;
  /** URLs the page tried to load from outside the site; they were refused. */
  blocked: string[];
}
