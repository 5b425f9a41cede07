import type { SourceLayout } from '../config/Config.ts';
import type { CollectSession } from './CollectSession.ts';

/**
 * One Redis layout's reader. `collect` reads the state snapshot and the history since the session's checkpoints,
 * decodes every raw string at this boundary, and hands rows to `session.commit` in units that each carry their
 * checkpoints. It only reads Redis. When `signal` is aborted (shutdown, timeout) it stops at the next unit boundary
 * by throwing the signal's reason, after the unit in hand has committed: the next pass resumes from there.
 */
export interface Source {
  readonly name: string;
  readonly layout: SourceLayout;
  collect(session: CollectSession, signal?: AbortSignal): Promise<void>;
}
