UPDATE collection_runs SET
  status = $status, finished_at = $finishedAt, error = $error,
  jobs_written = $jobsWritten, jobs_new = $jobsNew, jobs_updated = $jobsUpdated,
  snapshots_written = $snapshots, rejects = $rejects, model_downloads = $modelDownloads, gaps = $gaps,
  seconds = $seconds
WHERE run_id = $runId;
