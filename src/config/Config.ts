import type { ParsedConfigFile, ReportKindName } from './configSchema.ts';

export type ReportKind = ReportKindName;
export type SourceLayout = 'emp' | 'bullmq';

export interface SourceConfig {
  name: string;
  layout: SourceLayout;
  /** May hold a password: print it only through redactUrl(). */
  redisUrl: string;
  /** emp: prepended to every key; bullmq: the queue prefix. */
  prefix: string;
  queues: string[];
  fullScanMinutes: number;
}

export interface Paths {
  /** Directory that relative paths resolve against: the config file's folder, or the working directory. */
  root: string;
  data: string;
  warehouse: string;
  reports: string;
  archive: string;
  outbox: string;
  dist: string;
  pdf: string;
}

/** The validated, defaulted, absolute-path configuration every module receives. Never read env elsewhere. */
export interface Config {
  /** The file it came from, or null for the built-in defaults. */
  file: string | null;
  timezone: string;
  paths: Paths;
  sources: SourceConfig[];
  collect: ParsedConfigFile['collect'];
  log: ParsedConfigFile['log'];
  schedule: ParsedConfigFile['schedule'];
  site: ParsedConfigFile['site'];
  pdf: ParsedConfigFile['pdf'] & {
    /** PUPPETEER_EXECUTABLE_PATH, consulted after pdf.executablePath. */
    envExecutablePath: string | null;
  };
  email: ParsedConfigFile['email'];
  targets: ParsedConfigFile['targets'];
  pools: { fastMaxMs: number; standardMaxMs: number };
}
