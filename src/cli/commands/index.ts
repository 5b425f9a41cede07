import type { Command } from '../Command.ts';

/**
 * Every command, in the order `almanac --help` lists them (the pipeline first, then operations), each loaded only
 * when it runs. A command pulls in its own stage alone: `collect` loading Astro, Vega and puppeteer with the rest
 * would start every cron pass ~150 MB heavier, which is most of the collector's memory budget.
 */
const loaders: Record<string, () => Promise<Command>> = {
  collect: async () => (await import('./collect.ts')).collectCommand,
  analyze: async () => (await import('./analyze.ts')).analyzeCommand,
  build: async () => (await import('./build.ts')).buildCommand,
  pdf: async () => (await import('./pdf.ts')).pdfCommand,
  deliver: async () => (await import('./deliver.ts')).deliverCommand,
  run: async () => (await import('./run.ts')).runCommand,
  schedule: async () => (await import('./schedule.ts')).scheduleCommand,
  status: async () => (await import('./status.ts')).statusCommand,
  backfill: async () => (await import('./backfill.ts')).backfillCommand,
  simulate: async () => (await import('./simulate.ts')).simulateCommand,
  demo: async () => (await import('./demo.ts')).demoCommand,
  sql: async () => (await import('./sql.ts')).sqlCommand,
  doctor: async () => (await import('./doctor.ts')).doctorCommand,
};

export const commandNames: readonly string[] = Object.keys(loaders);

/** The command named `name`, or undefined when there is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  return Object.hasOwn(loaders, name) ? loaders[name]!() : undefined;
}

/** Every command, for the main help and the generated reference. */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(commandNames.map((name) => loaders[name]!()));
}
