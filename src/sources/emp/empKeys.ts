/**
 * Every emp-job-queue key name, in one place (redis-emp.md §2). `prefix` is prepended to every key so tests can
 * work under a random prefix on a shared Redis; production fleets use "".
 */
export interface EmpKeys {
  readonly prefix: string;
  job(jobId: string): string;
  jobProgress(jobId: string): string;
  /**
   * SCAN pattern of a full pass: every job hash and machine info key, in one walk of the keyspace. It also matches
   * other keys (`job:{id}:progress`, `jobs:*`), which isJobHash and isMachineInfo sort out.
   */
  fullScanPattern: string;
  isJobHash(key: string): boolean;
  pending: string;
  active(workerId: string): string;
  completed: string;
  failed: string;
  worker(workerId: string): string;
  workerHeartbeat(workerId: string): string;
  machineInfo(machineId: string): string;
  /** SCAN pattern of machine info keys, for a pass that does not walk the keyspace anyway. */
  machineInfoPattern: string;
  /** What machineInfoPattern matches. */
  isMachineInfo(key: string): boolean;
  telemetryEvents: string;
  /** Success attestation of one attempt (`attempt` = retry_count + 1 at completion). */
  completionAttestation(jobId: string, workflowId: string, attempt: number): string;
  /** Failure attestation of one attempt; `attempt` is the new retry count, or 'permanent'. */
  failureAttestation(jobId: string, workflowId: string, attempt: number | 'permanent'): string;
  /** Back-compat copy of a permanent failure record, under the completion prefix without an attempt. */
  completionBackCompat(jobId: string, workflowId: string): string;
  workflowFailure(workflowId: string, attempt: number | 'permanent'): string;
  apiWorkflowCompletion(workflowId: string): string;
  apiWorkflowFailure(workflowId: string): string;
  /** Strips the prefix from a scanned key, or returns null when the key is not ours. */
  strip(key: string): string | null;
}

/** `{step}` drops a leading `step-`; the `job-id:{wf}:` part appears only when the step belongs to a workflow. */
function attestationStem(jobId: string, workflowId: string): string {
  const step = jobId.startsWith('step-') ? jobId.slice(5) : jobId;
  return workflowId === '' ? `step-id:${step}` : `job-id:${workflowId}:step-id:${step}`;
}

/** `text` matched literally in a SCAN MATCH pattern. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

export function empKeys(prefix = ''): EmpKeys {
  const p = prefix;
  const glob = escapeGlob(p);
  return {
    prefix: p,
    job: (id) => `${p}job:${id}`,
    jobProgress: (id) => `${p}job:${id}:progress`,
    fullScanPattern: `${glob}[jm]*`,
    isJobHash: (key) => key.startsWith(`${p}job:`) && !key.endsWith(':progress'),
    pending: `${p}jobs:pending`,
    active: (w) => `${p}jobs:active:${w}`,
    completed: `${p}jobs:completed`,
    failed: `${p}jobs:failed`,
    worker: (w) => `${p}worker:${w}`,
    workerHeartbeat: (w) => `${p}worker:${w}:heartbeat`,
    machineInfo: (m) => `${p}machine:${m}:info`,
    machineInfoPattern: `${glob}machine:*:info`,
    // `machine:*:info` needs both colons: `machine:info` does not match it.
    isMachineInfo: (key) =>
      key.length >= p.length + 'machine::info'.length && key.startsWith(`${p}machine:`) && key.endsWith(':info'),
    telemetryEvents: `${p}telemetry:events`,
    completionAttestation: (id, wf, n) => `${p}worker:completion:${attestationStem(id, wf)}:attempt:${n}`,
    failureAttestation: (id, wf, n) =>
      `${p}worker:failure:${attestationStem(id, wf)}:${n === 'permanent' ? 'permanent' : `attempt:${n}`}`,
    completionBackCompat: (id, wf) => `${p}worker:completion:${attestationStem(id, wf)}`,
    workflowFailure: (wf, n) => `${p}workflow:failure:${wf}:${n === 'permanent' ? 'permanent' : `attempt:${n}`}`,
    apiWorkflowCompletion: (wf) => `${p}api:workflow:completion:${wf}`,
    apiWorkflowFailure: (wf) => `${p}api:workflow:failure:${wf}`,
    strip: (key) => (key.startsWith(p) ? key.slice(p.length) : null),
  };
}
