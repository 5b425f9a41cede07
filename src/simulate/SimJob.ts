import type { FailureMode } from './catalog.ts';

/** One claim of a step by a worker, as the engine decided it (times in epoch ms, assignment in µs). */
export interface SimAttempt {
  worker: number;
  /** Claim time in epoch microseconds: the Lua claim writes `seconds.micros`. */
  assignedUs: number;
  startedAt: number;
  endAt: number;
  /** Null when the attempt succeeded. 'cancel' when the API cancelled it mid-run. */
  failure: FailureMode | 'cancel' | null;
  /** Last progress percentage the worker reported. */
  progress: number;
}

/** A step's whole life as the engine produced it; encoders render it as of a given instant. */
export interface SimJob {
  seq: number;
  id: string;
  typeIndex: number;
  service: string;
  createdAt: number;
  priority: number;
  customerId: string;
  maxRetries: number;
  /** '' when the step is not part of a workflow. */
  workflowId: string;
  workflowPriority: number;
  workflowDatetime: number;
  step: number;
  totalSteps: number;
  requirements: string;
  payload: string;
  jobTraceId: string;
  jobSpanId: string;
  workflowTraceId: string;
  workflowSpanId: string;
  /** Model indices the payload loads (ComfyUI only). */
  models: number[];
  /** Run time on a reference GPU before machine, incident and per-attempt factors. */
  baseRunMs: number;
  /** A step that fails the same way on every attempt (bad input, oversized job), or null. */
  poison: FailureMode | null;
  attempts: SimAttempt[];
  /** When the API cancelled it, or -1. */
  cancelAt: number;
}

/** A model download on a machine, destined for the `telemetry:events` stream. */
export interface SimDownload {
  machine: number;
  model: number;
  startedAt: number;
  endedAt: number;
  ok: boolean;
  error: string;
}
