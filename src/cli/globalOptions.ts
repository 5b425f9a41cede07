import type { CommandOption } from './Command.ts';

/** Options every command accepts (architecture §4.1). */
export const globalOptions: Record<string, CommandOption> = {
  config: {
    type: 'string',
    valueName: 'FILE',
    description: 'Config file (default ./almanac.config.json when present).',
  },
  db: { type: 'string', valueName: 'FILE', description: 'Warehouse file (default data/almanac.duckdb).' },
  tz: { type: 'string', valueName: 'ZONE', description: 'Report time zone, e.g. Europe/Paris (overrides the config).' },
  json: { type: 'boolean', description: 'Print a machine-readable summary on stdout.' },
  debug: { type: 'boolean', description: 'Verbose logs, and stack traces on errors.' },
  help: { type: 'boolean', short: 'h', description: 'Show help.' },
  version: { type: 'boolean', short: 'v', description: 'Show the version.' },
};
