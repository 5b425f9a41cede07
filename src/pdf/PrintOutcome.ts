import type { GateVerdict } from './GateCheck.ts';
import type { PrintJob } from './PrintJob.ts';

export interface PrintOutcome {
  job: PrintJob;
  verdict: GateVerdict;
  /** The finished PDF when the gate passed, else null (a failed PDF is never written). */
  pdf: Uint8Array | null;
  bytes: number | null;
  pages: number | null;
  /** Render attempts used (2 when a timeout or crash was retried). */
  attempts: number;
  renderMs: number | null;
  /** URLs the page tried to load from outside the site; they were refused. */
  blocked: string[];
}
