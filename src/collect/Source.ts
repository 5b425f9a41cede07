import type { SourceLayout } from '../config/Config.ts';
import type { CollectSession } from './CollectSession.ts';

/**
 * One Redis layout's reader. `collect` reads the state snapshot and the history since the session's checkpoints,
 * decodes every raw string at this boundary, and hands rows to `session.commit` in units that each carry their
 * checkpoints. It only reads Redis.
 */
export interface Source {
  readonly name: string;
  readonly layout: SourceLayout;
  collect(session: CollectSession): Promise<void>;
}
