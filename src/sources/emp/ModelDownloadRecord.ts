/** One model download a machine reported through the `telemetry:events` stream, decoded. */
export interface ModelDownloadRecord {
  source: string;
  machineId: string | null;
  model: string;
  startedAt: number | null;
  finishedAt: number | null;
  bytes: number | null;
  ok: boolean;
  error: string | null;
  /** The stream entry id: makes re-reading the same entries idempotent. */
  eventId: string;
}
