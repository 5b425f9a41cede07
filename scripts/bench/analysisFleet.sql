-- Synthetic fleet history for the analysis benchmarks, generated inside DuckDB (millions of rows in seconds).
-- Parameters: $start_ms (first instant), $days, $per_day (jobs a day), $machines. Jobs follow a daily wave, job types have
-- different run times; machine 7 is slow and machine 13 fails often. Snapshots every 5 minutes.
INSERT INTO jobs (source, queue, job_id, name, status, priority, machine_id, worker_id, attempts, created_at,
                  started_at, finished_at, wait_ms, run_ms, error_type, error_message, models, collected_at, service)
SELECT 'bench', 'jobs', 'j' || i, t.name,
       CASE WHEN m = 13 AND i % 9 = 0 THEN 'failed' WHEN i % 113 = 0 THEN 'failed' WHEN i % 401 = 0 THEN 'cancelled'
            ELSE 'completed' END,
       50, 'gpu-' || lpad(m::VARCHAR, 2, '0'), 'gpu-' || lpad(m::VARCHAR, 2, '0') || '-w0', 1 + (i % 17 = 0)::INTEGER,
       make_timestamptz(created_us), make_timestamptz(created_us + wait_ms * 1000),
       make_timestamptz(created_us + (wait_ms + run_ms) * 1000), wait_ms, run_ms,
       CASE WHEN m = 13 AND i % 9 = 0 THEN 'resource_limit' WHEN i % 113 = 0 THEN 'timeout' END,
       CASE WHEN m = 13 AND i % 9 = 0 THEN 'CUDA out of memory on job ' || i WHEN i % 113 = 0
            THEN 'Job timeout after 30 minutes' END,
       t.models, make_timestamptz(created_us + (wait_ms + run_ms + 60000) * 1000), t.service
FROM (
  SELECT i, i % $machines AS m, i % 10 AS k,
         -- Spread each day's jobs over the day with more in the afternoon.
         ($start_ms + (i // $per_day) * 86400000
           + floor(86400000 * pow(((i % $per_day) + 0.5) / $per_day, 0.8)))::BIGINT * 1000 AS created_us,
         (500 + (i * 7919) % 20000)::BIGINT AS wait_ms,
         ((CASE i % 10 WHEN 0 THEN 240000 WHEN 1 THEN 90000 WHEN 2 THEN 60000 ELSE 12000 END)
           * (0.6 + ((i * 104729) % 1000) / 1250.0) * (CASE WHEN i % $machines = 7 THEN 1.6 ELSE 1 END))::BIGINT AS run_ms
  FROM range($days * $per_day) r(i)
) j
JOIN (VALUES (0, 'video', 'comfyui', ['wan-2.1']), (1, 'upscale', 'comfyui', ['esrgan']),
             (2, 'img2img', 'a1111', ['sdxl', 'vae']), (3, 'txt2img', 'comfyui', ['sdxl', 'vae']),
             (4, 'txt2img', 'comfyui', ['sdxl', 'vae']), (5, 'txt2img', 'comfyui', ['flux']),
             (6, 'chat', 'ollama', ['llama-3.1']), (7, 'txt2img', 'comfyui', ['sdxl']),
             (8, 'txt2img', 'comfyui', ['flux', 'vae']), (9, 'chat', 'ollama', ['llama-3.1'])) t(k, name, service, models)
  USING (k);

INSERT INTO machine_snapshots (taken_at, source, machine_id, phase, gpu_count, workers, services_healthy, services_total)
SELECT make_timestamptz(($start_ms + s * 300000)::BIGINT * 1000), 'bench', 'gpu-' || lpad(m::VARCHAR, 2, '0'),
       CASE WHEN (s + m) % 997 = 0 THEN 'shutdown' ELSE 'ready' END, 1 + m % 2, 1, 1, 1
FROM range($days * 288) a(s), range($machines) b(m);

INSERT INTO worker_snapshots (taken_at, source, worker_id, machine_id, status, current_job_id)
SELECT make_timestamptz(($start_ms + s * 300000)::BIGINT * 1000), 'bench', 'gpu-' || lpad(m::VARCHAR, 2, '0') || '-w0',
       'gpu-' || lpad(m::VARCHAR, 2, '0'), CASE WHEN (s * 31 + m * 17) % 100 < 70 THEN 'busy' ELSE 'idle' END, NULL
FROM range($days * 288) a(s), range($machines) b(m);

INSERT INTO queue_snapshots (taken_at, source, queue, waiting, active, delayed, completed, failed, oldest_waiting_ms)
SELECT make_timestamptz(($start_ms + s * 300000)::BIGINT * 1000), 'bench', 'jobs', (s * 37) % 400, 48, 0, 0, 0,
       ((s * 7919) % 600000)
FROM range($days * 288) a(s);

INSERT INTO model_downloads (source, machine_id, model, started_at, finished_at, bytes, ok, error, event_id)
SELECT 'bench', 'gpu-' || lpad((d % $machines)::VARCHAR, 2, '0'),
       (['sdxl', 'flux', 'wan-2.1', 'esrgan', 'llama-3.1'])[1 + d % 5],
       make_timestamptz(($start_ms + d * 432000)::BIGINT * 1000),
       make_timestamptz(($start_ms + d * 432000 + 90000)::BIGINT * 1000), 6000000000, d % 23 <> 0,
       CASE WHEN d % 23 = 0 THEN 'HTTP 503' END, 'd' || d
FROM range($days * 200) r(d);

INSERT INTO collection_runs (run_id, source, started_at, finished_at, status, jobs_written, snapshots_written, rejects)
SELECT 'run-' || s, 'bench', make_timestamptz(($start_ms + s * 300000)::BIGINT * 1000),
       make_timestamptz(($start_ms + s * 300000 + 2000)::BIGINT * 1000), 'ok', 0, 0, 0
FROM range($days * 288 + 1) r(s);
