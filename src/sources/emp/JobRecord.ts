/** The warehouse's job states (architecture §4.2); `failed` means final, no retry left. */
export type JobStatus = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'cancelled';

/** One emp step, decoded: times are epoch ms, durations ms, nothing is a raw Redis string any more. */
export interface JobRecord {
  source: string;
  /** emp has one pending set; jobs are routed by service, so the service is the queue. */
  queue: string;
  jobId: string;
  /** The job type: service plus the variant its payload shows (e.g. `comfyui:txt2img`, `openai_text:gpt-4o`). */
  name: string;
  service: string;
  status: JobStatus;
  priority: number | null;
  machineId: string | null;
  workerId: string | null;
  attempts: number;
  createdAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  waitMs: number | null;
  runMs: number | null;
  errorType: string | null;
  errorMessage: string | null;
  errorReason: string | null;
  models: string[];
  workflowId: string | null;
}
