-- A job read again with nothing changed is not rewritten: its row (and collected_at) stays as first written, and
-- the pass reports only real changes as "updated".
DELETE FROM collect_jobs_stage s USING jobs j
WHERE s.source = j.source AND s.queue = j.queue AND s.job_id = j.job_id
  AND s.name IS NOT DISTINCT FROM j.name
  AND s.status IS NOT DISTINCT FROM j.status
  AND s.priority IS NOT DISTINCT FROM j.priority
  AND s.machine_id IS NOT DISTINCT FROM j.machine_id
  AND s.worker_id IS NOT DISTINCT FROM j.worker_id
  AND s.attempts IS NOT DISTINCT FROM j.attempts
  AND s.created_at IS NOT DISTINCT FROM j.created_at
  AND s.started_at IS NOT DISTINCT FROM j.started_at
  AND s.finished_at IS NOT DISTINCT FROM j.finished_at
  AND s.wait_ms IS NOT DISTINCT FROM j.wait_ms
  AND s.run_ms IS NOT DISTINCT FROM j.run_ms
  AND s.error_type IS NOT DISTINCT FROM j.error_type
  AND s.error_message IS NOT DISTINCT FROM j.error_message
  AND s.models IS NOT DISTINCT FROM j.models
  AND s.service IS NOT DISTINCT FROM j.service
  AND s.workflow_id IS NOT DISTINCT FROM j.workflow_id
  AND s.error_reason IS NOT DISTINCT FROM j.error_reason;
