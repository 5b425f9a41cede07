/** Key names of one BullMQ queue (redis-bullmq.md §1): `<prefix>:<queue>:<suffix>`; a job is `<prefix>:<queue>:<id>`. */
export interface BullmqKeys {
  readonly queue: string;
  job(jobId: string): string;
  wait: string;
  paused: string;
  active: string;
  prioritized: string;
  delayed: string;
  completed: string;
  failed: string;
  waitingChildren: string;
  events: string;
  meta: string;
  id: string;
  metricsCompleted: string;
  metricsFailed: string;
}

export function bullmqKeys(prefix: string, queue: string): BullmqKeys {
  const base = `${prefix}:${queue}:`;
  return {
    queue,
    job: (jobId) => base + jobId,
    wait: `${base}wait`,
    paused: `${base}paused`,
    active: `${base}active`,
    prioritized: `${base}prioritized`,
    delayed: `${base}delayed`,
    completed: `${base}completed`,
    failed: `${base}failed`,
    waitingChildren: `${base}waiting-children`,
    events: `${base}events`,
    meta: `${base}meta`,
    id: `${base}id`,
    metricsCompleted: `${base}metrics:completed`,
    metricsFailed: `${base}metrics:failed`,
  };
}

/** SCAN pattern that finds every queue of a prefix by its `meta` hash (glob characters in the prefix escaped). */
export function metaPattern(prefix: string): string {
  return `${prefix.replace(/[*?[\]\\]/g, '\\$&')}:*:meta`;
}

/** The queue name of a `<prefix>:<queue>:meta` key; queue names may contain ':', so strip from both ends. */
export function queueOfMetaKey(prefix: string, key: string): string | null {
  const head = `${prefix}:`;
  if (!key.startsWith(head) || !key.endsWith(':meta')) return null;
  const queue = key.slice(head.length, -':meta'.length);
  return queue === '' ? null : queue;
}
