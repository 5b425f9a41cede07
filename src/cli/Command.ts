import type { CommandContext } from './CommandContext.ts';

export interface CommandOption {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** One line for --help. */
  description: string;
  /** Placeholder shown in --help for string options, e.g. "URL". */
  valueName?: string;
}

export interface CommandArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** One `almanac <name>` command. Keep it thin: parse options, call the stage's engine, print the result. */
export interface Command {
  name: string;
  summary: string;
  /** Synopsis after `almanac `, e.g. `sql "QUERY"`. */
  usage: string;
  options: Record<string, CommandOption>;
  /** Number of positional arguments accepted: [min, max]. */
  positionals?: [number, number];
  run(context: CommandContext, args: CommandArgs): Promise<number | void>;
}
