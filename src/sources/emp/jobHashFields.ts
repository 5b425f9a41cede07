/**
 * The `job:{id}` fields decodeJobHash reads, and so the only ones the collector fetches (HMGET, not HGETALL):
 * emp hashes carry as many fields again (trace ids, ctx, requirements) that Almanac never stores, and skipping
 * them halves what Redis sends and what the client parses. A test decodes full hashes and their projections on
 * these fields and requires the same result, so a field the decoder starts reading cannot be forgotten here.
 */
export const JOB_HASH_FIELDS = [
  'id',
  'service_required',
  'status',
  'priority',
  'payload',
  'created_at',
  'assigned_at',
  'started_at',
  'completed_at',
  'failed_at',
  'cancelled_at',
  'retry_count',
  'worker_id',
  'workflow_id',
  'error',
] as const;
