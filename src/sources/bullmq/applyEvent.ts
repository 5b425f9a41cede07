import type { BullmqEvent } from './BullmqEvent.ts';
import type { JobFacts } from './JobFacts.ts';

/** Folds one stream event into a job's facts (events arrive in stream order). */
export function applyEvent(facts: JobFacts, e: BullmqEvent): void {
  switch (e.event) {
    case 'added':
      facts.name = e.name ?? facts.name;
      facts.addedAt = e.at;
      facts.status ??= 'waiting';
      break;
    case 'waiting':
    case 'stalled':
    case 'waiting-children':
      facts.status = 'waiting';
      break;
    case 'delayed':
      facts.status = 'delayed';
      break;
    case 'active':
      facts.status = 'active';
      facts.activeAt = e.at;
      facts.activeCount++;
      break;
    case 'completed':
      facts.status = 'completed';
      facts.finishedAt = e.at;
      break;
    case 'failed':
      // Only final failures produce `failed` (a retried attempt produces delayed/waiting).
      facts.status = 'failed';
      facts.finishedAt = e.at;
      facts.failedReason = e.failedReason ?? facts.failedReason;
      break;
    case 'retries-exhausted':
      facts.attemptsMade = e.attemptsMade ?? facts.attemptsMade;
      break;
    default:
      // progress, removed, deduplicated, drained…: no change of state worth a row.
      break;
  }
}
