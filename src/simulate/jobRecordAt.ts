import { decodeJobHash } from '../sources/emp/decodeJobHash.ts';
import type { JobRecord } from '../sources/emp/JobRecord.ts';
import type { Decoded } from '../sources/emp/Reject.ts';
import type { Fleet } from './buildFleet.ts';
import { encodeFailure } from './encodeFailure.ts';
import { encodeJobHash } from './encodeJobHash.ts';
import type { SimJob } from './SimJob.ts';
import { FAILED_KEEP_MS } from './writeJobKeys.ts';

/**
 * The warehouse's view of a step as of `asOf`, obtained the way the collector obtains it: encode the hash and the
 * side records a collector would read (`jobs:failed` field, permanent failure attestation), then decode them with
 * the emp decoder. Simulated rows therefore equal collected rows by construction.
 */
export function jobRecordAt(job: SimJob, asOf: number, fleet: Fleet, source: string, key: string): Decoded<JobRecord> {
  const view = encodeJobHash(job, asOf, fleet);
  let failedEntry: string | null = null;
  let failureAttestation: string | null = null;
  if (view.status === 'failed') {
    const failedAt = Date.parse(view.fields['failed_at'] ?? '');
    if (asOf - failedAt < FAILED_KEEP_MS) failedEntry = encodeFailure.failedEntry(job, view, view.visible - 1);
    if (view.permanent !== null) failureAttestation = encodeFailure.attestation(job, view.visible - 1, fleet);
  }
  return decodeJobHash(view.fields, { source, key, failedEntry, failureAttestation });
}
