import type { Config } from '../config/Config.ts';
import type { Logger } from '../log/Logger.ts';
import type { ProgressFactory } from '../progress/ProgressFactory.ts';
import type { Warehouse } from '../warehouse/Warehouse.ts';

export interface CommandContext {
  /** The validated config; reading it throws the ConfigInvalid error when the config is bad. */
  readonly config: Config;
  readonly logger: Logger;
  /** Results go here; logs go to the logger (stderr). */
  readonly stdout: NodeJS.WritableStream;
  /** --json: print a machine-readable summary on stdout. */
  readonly json: boolean;
  readonly debug: boolean;
  readonly cwd: string;
  /** Progress of long work on stderr: a bar on a terminal, a log line every few seconds otherwise. */
  readonly progress: ProgressFactory;
  /** The wall clock, injectable for tests. */
  now(): Date;
  /** Opens the configured warehouse with this command named as the lock holder. */
  openWarehouse(options?: { readOnly?: boolean }): Promise<Warehouse>;
}
