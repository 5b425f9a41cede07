import path from 'node:path';
import { AlmanacError } from '../errors/AlmanacError.ts';
import type { Config, SourceConfig } from './Config.ts';
import { configSchema } from './configSchema.ts';
import { expandEnvReferences } from './expandEnvReferences.ts';
import { formatConfigIssue, issuePath } from './formatConfigIssue.ts';

export interface ParseConfigOptions {
  /** Relative paths in the config resolve against this directory. */
  baseDir: string;
  /** The process environment (or a test's). Only src/config reads it. */
  env: Record<string, string | undefined>;
  /** The file the raw value came from, for messages. */
  file?: string | null;
  overrides?: { timezone?: string; warehouse?: string };
}

/**
 * Validates a parsed config document (or `{}`) and returns the frozen, fully defaulted Config.
 * Every problem is collected and reported together as `path: problem (what to do)`, exit code 2.
 */
export function parseConfig(raw: unknown, options: ParseConfigOptions): Config {
  const { env, baseDir } = options;
  const file = options.file ?? null;
  const expansion = expandEnvReferences(raw, env);
  const problems = expansion.missing.map(
    ({ path: where, variable }) =>
      `${where}: refers to \${${variable}}, which is not set (export ${variable}=… or remove the reference)`,
  );

  const withOverrides = applyOverrides(expansion.value, options.overrides);
  const result = configSchema.safeParse(withOverrides, { reportInput: true });
  if (!result.success) {
    // A value still holding an unexpanded ${VAR} fails validation too; its missing variable is the real problem.
    const unexpanded = new Set(expansion.missing.map((m) => m.path));
    const issues = result.error.issues.filter((issue) => !unexpanded.has(issuePath(issue.path)));
    problems.push(...issues.map(formatConfigIssue));
  }
  if (problems.length > 0 || !result.success) {
    const where = file ? `The config file ${file}` : 'The configuration';
    throw new AlmanacError('ConfigInvalid', `${where} has ${plural(problems.length)}:\n  ${problems.join('\n  ')}`, {
      hint: 'Fix each line above; `almanac doctor` re-checks it. Every field and its default is in the README.',
      exitCode: 2,
    });
  }

  const parsed = result.data;
  const resolve = (p: string): string => path.resolve(baseDir, p);
  const data = resolve(parsed.dataDir);
  const dist = resolve(parsed.distDir);
  const sources: SourceConfig[] = parsed.sources.map((source) => ({
    name: source.name,
    layout: source.layout,
    redisUrl: source.redisUrl,
    prefix: source.prefix ?? (source.layout === 'bullmq' ? 'bull' : ''),
    queues: source.queues,
    fullScanMinutes: source.fullScanMinutes,
  }));
  if (sources.length === 0 && env.REDIS_URL) {
    sources.push({
      name: 'default',
      layout: env.ALMANAC_LAYOUT === 'bullmq' ? 'bullmq' : 'emp',
      redisUrl: env.REDIS_URL,
      prefix: env.ALMANAC_LAYOUT === 'bullmq' ? 'bull' : '',
      queues: [],
      fullScanMinutes: 360,
    });
  }

  const config: Config = {
    file,
    timezone: parsed.timezone,
    paths: {
      root: baseDir,
      data,
      warehouse: parsed.warehouse ? resolve(parsed.warehouse) : path.join(data, 'almanac.duckdb'),
      reports: path.join(data, 'reports'),
      archive: path.join(data, 'archive'),
      outbox: path.join(data, 'outbox'),
      dist,
      pdf: path.join(dist, 'pdf'),
    },
    sources,
    collect: parsed.collect,
    log: parsed.log,
    schedule: parsed.schedule,
    site: parsed.site,
    pdf: { ...parsed.pdf, envExecutablePath: env.PUPPETEER_EXECUTABLE_PATH || null },
    email: { ...parsed.email, smtpUrl: parsed.email.smtpUrl ?? (env.SMTP_URL || null) },
    targets: parsed.targets,
    pools: {
      fastMaxMs: parsed.pools.fastMaxSeconds * 1000,
      standardMaxMs: parsed.pools.standardMaxSeconds * 1000,
    },
  };
  return deepFreeze(config);
}

function applyOverrides(value: unknown, overrides: ParseConfigOptions['overrides']): unknown {
  if (!overrides || (overrides.timezone === undefined && overrides.warehouse === undefined)) return value;
  const base = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return {
    ...base,
    ...(overrides.timezone === undefined ? {} : { timezone: overrides.timezone }),
    ...(overrides.warehouse === undefined ? {} : { warehouse: overrides.warehouse }),
  };
}

function plural(count: number): string {
  return count === 1 ? '1 problem' : `${count} problems`;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
