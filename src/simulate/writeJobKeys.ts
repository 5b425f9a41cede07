import type { EmpKeys } from '../sources/emp/empKeys.ts';
import type { Fleet } from './buildFleet.ts';
import { iso, requeueScore, submitScore } from './empFormat.ts';
import { encodeFailure, WORKER_VERSION } from './encodeFailure.ts';
import type { JobView } from './encodeJobHash.ts';
import type { EmpSink } from './EmpSink.ts';
import type { SimJob } from './SimJob.ts';

/** `jobs:completed` keeps a day, `jobs:failed` a week (their TTLs, with the archive cron trimming older fields). */
export const COMPLETED_KEEP_MS = 24 * 3_600_000;
export const FAILED_KEEP_MS = 7 * 24 * 3_600_000;

function resultOf(job: SimJob): string {
  const base = `https://cdn.emprops.ai/generations/${job.customerId}/${job.id}`;
  if (job.service === 'openai_text' || job.service === 'ollama')
    return JSON.stringify({ text: 'Generated text output.', tokens: 180 });
  return JSON.stringify({ images: [`${base}/0.${job.typeIndex === 4 ? 'mp4' : 'png'}`] });
}

/**
 * Writes every key a step leaves behind as of `asOf` (redis-emp.md §2, §5): the hash, its progress hash, the
 * pending or active entry, `jobs:completed`/`jobs:failed` fields in their retention window, and the attestations
 * (which never expire).
 */
export function writeJobKeys(
  job: SimJob,
  view: JobView,
  asOf: number,
  fleet: Fleet,
  keys: EmpKeys,
  sink: EmpSink,
): void {
  sink.hset(keys.job(job.id), view.fields);
  const wf = job.workflowId;
  const p = job.workflowId !== '' ? job.workflowPriority : job.priority;
  const d = job.workflowId !== '' ? job.workflowDatetime : job.createdAt;
  if (view.status === 'pending') {
    sink.zadd(keys.pending, view.requeued ? requeueScore(p, d) : submitScore(p, d), job.id);
  }
  const lastIndex = view.visible - 1;
  const last = job.attempts[lastIndex];
  if (
    (view.status === 'assigned' || view.status === 'in_progress') &&
    last !== undefined &&
    view.beforeClaim !== null
  ) {
    sink.hsetField(keys.active(fleet.workers[last.worker]?.id ?? ''), job.id, JSON.stringify(view.beforeClaim));
  }
  // Progress: the last report of the latest attempt that started.
  for (let k = lastIndex; k >= 0; k--) {
    const a = job.attempts[k]!;
    if (a.startedAt > asOf) continue;
    const until = Math.min(asOf, a.endAt);
    const progress =
      a.endAt <= asOf
        ? a.progress
        : Math.min(99, Math.floor((100 * (until - a.startedAt)) / Math.max(1, a.endAt - a.startedAt)));
    sink.hset(keys.jobProgress(job.id), {
      progress: String(progress),
      status: 'in_progress',
      message: progress >= 100 ? 'Processing complete' : `Processing (${progress}%)`,
      updated_at: iso(until),
    });
    break;
  }
  for (let k = 0; k < view.visible; k++) {
    const a = job.attempts[k]!;
    if (a.endAt > asOf || a.failure === 'cancel') break;
    const worker = fleet.workers[a.worker];
    const machineId = fleet.machines[worker?.machine ?? 0]?.id ?? '';
    if (a.failure === null) {
      const result = resultOf(job);
      const isLastStep = wf !== '' && job.step === job.totalSteps;
      sink.set(
        keys.completionAttestation(job.id, wf, k + 1),
        JSON.stringify({
          job_id: job.id,
          worker_id: worker?.id ?? '',
          status: 'completed',
          completed_at: iso(a.endAt),
          result,
          raw_service_output: null,
          raw_service_request: null,
          retry_count: k,
          workflow_id: wf === '' ? null : wf,
          current_step: wf === '' ? null : job.step,
          total_steps: wf === '' ? null : job.totalSteps,
          machine_id: machineId,
          worker_version: WORKER_VERSION,
          attestation_created_at: a.endAt,
        }),
      );
      if (asOf - a.endAt < COMPLETED_KEEP_MS) {
        sink.hsetField(keys.completed, job.id, `{"success":true,"data":${result},"completed_at":"${iso(a.endAt)}"}`);
      }
      if (isLastStep) {
        sink.set(
          keys.apiWorkflowCompletion(wf),
          JSON.stringify({
            workflow_id: wf,
            api_determined_complete_at: iso(a.endAt + 150),
            retry_count: k,
            job_completion_data: {
              job_id: job.id,
              worker_id: worker?.id ?? '',
              result: JSON.parse(result) as unknown,
              completed_at: iso(a.endAt),
            },
            workflow_outputs: [JSON.parse(result) as unknown],
            asset_locations: [`generations/${job.customerId}/${job.id}/0`],
            attestation_created_at: a.endAt + 150,
          }),
        );
      }
      continue;
    }
    const record = encodeFailure.attestation(job, k, fleet);
    const permanent = view.permanent !== null && k === lastIndex;
    if (!permanent) {
      sink.set(keys.failureAttestation(job.id, wf, k + 1), record);
      if (wf !== '')
        sink.set(keys.workflowFailure(wf, k + 1), encodeFailure.workflowRecord(record, job, 'step_retrying'));
      continue;
    }
    sink.set(keys.failureAttestation(job.id, wf, 'permanent'), record);
    sink.set(keys.completionBackCompat(job.id, wf), record);
    if (wf !== '') {
      sink.set(keys.workflowFailure(wf, 'permanent'), encodeFailure.workflowRecord(record, job, 'failed'));
      sink.set(
        keys.apiWorkflowFailure(wf),
        JSON.stringify({
          attestation_type: 'workflow_failure',
          failed_job_id: job.id,
          failed_at_step: job.step,
          total_steps: job.totalSteps,
          completed_steps: job.step - 1,
          worker_id: worker?.id ?? '',
          error: encodeFailure.workerError(job, a),
          failed_at: iso(a.endAt),
        }),
      );
    }
  }
  const failedAt = view.status === 'failed' ? Date.parse(view.fields['failed_at'] ?? '') : NaN;
  if (view.status === 'failed' && asOf - failedAt < FAILED_KEEP_MS) {
    sink.hsetField(keys.failed, job.id, encodeFailure.failedEntry(job, view, lastIndex));
  }
}
