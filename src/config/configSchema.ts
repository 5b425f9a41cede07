import { z } from 'zod';
import { isTimeZone } from './isTimeZone.ts';
import { isCronExpression } from './isCronExpression.ts';
import { redisUrlProblem } from '../redis/parseRedisUrl.ts';

// The schema of almanac.config.json. Every field has a default, so `{}` (or no file at all) is a valid config;
// descriptions feed the editor JSON Schema (src/config/almanac.config.schema.json) and the README reference.

const timeZone = z
  .string()
  .refine(isTimeZone, { message: 'is not an IANA time zone (use a name such as "UTC" or "Europe/Paris")' });

const cron = z.string().refine(isCronExpression, {
  message: 'is not a cron expression (use 5 or 6 fields, e.g. "*/5 * * * *" or "0 6 * * *")',
});

const reportKind = z.enum(['daily', 'weekly', 'monthly']);

// The regex is what editors see (JSON Schema); the refinement reads the URL as openRedis will.
const redisUrl = z
  .string()
  .regex(/^rediss?(\+sentinel|\+cluster)?:\/\//, {
    message:
      'is not a Redis URL (use redis://host:6379, rediss:// for TLS, redis+sentinel://host:26379/<master> or redis+cluster://node1,node2; rediss+sentinel:// and rediss+cluster:// for TLS)',
  })
  .superRefine((url, context) => {
    const problem = /^rediss?(\+sentinel|\+cluster)?:\/\//.test(url) ? redisUrlProblem(url) : null;
    if (problem !== null) context.addIssue({ code: 'custom', message: `is not a usable Redis URL: ${problem}` });
  });

export const sourceSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, "_" or "-"' })
      .describe('Name of the source, stored with every row it collects.'),
    layout: z.enum(['emp', 'bullmq']).describe('Redis layout: "emp" (emp-job-queue) or "bullmq".'),
    redisUrl: redisUrl.describe(
      'Redis URL: redis:// (rediss:// for TLS) for one server, redis+sentinel://host:26379,…/<master> or redis+cluster://node1:6379,… (rediss+… for TLS); see docs/collector.md. Put the password in an environment variable: "${REDIS_URL}".',
    ),
    prefix: z
      .string()
      .optional()
      .describe('Key prefix. emp: prepended to every key (default ""). bullmq: the queue prefix (default "bull").'),
    queues: z
      .array(z.string().min(1))
      .default([])
      .describe('bullmq: queue names to collect (default: every queue found by its meta key).'),
    fullScanMinutes: z
      .number()
      .int()
      .positive()
      .default(360)
      .describe('emp: minutes between full SCANs of job:* hashes, which catch up after long collector outages.'),
  })
  .describe('A Redis fleet to collect from.');

const budget = z.strictObject({
  maxBytes: z.number().int().positive().describe('Largest PDF accepted by the release gate, in bytes.'),
  maxPages: z.number().int().positive().describe('Most pages accepted by the release gate.'),
});

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path to this JSON Schema, for editors.'),
    timezone: timeZone.default('UTC').describe('IANA time zone of the reports: days, weeks and months start here.'),
    dataDir: z.string().default('data').describe('Runtime state: warehouse, bundles, archive, outbox.'),
    distDir: z.string().default('dist').describe('Where the static site and PDFs are written.'),
    warehouse: z.string().optional().describe('DuckDB warehouse file (default "<dataDir>/almanac.duckdb").'),
    sources: z
      .array(sourceSchema)
      .default([])
      .describe('Fleets to collect. Empty: one emp source from REDIS_URL when that is set.'),
    collect: z
      .strictObject({
        scanCount: z.number().int().min(10).max(10000).default(1000).describe('COUNT hint for each SCAN call.'),
        batchSize: z
          .number()
          .int()
          .min(1)
          .max(10000)
          .default(500)
          .describe('Commands per Redis pipeline; bounds the load on a production Redis.'),
      })
      .default({ scanCount: 1000, batchSize: 500 }),
    log: z
      .strictObject({
        progressSeconds: z
          .number()
          .positive()
          .max(3600)
          .default(10)
          .describe(
            'Seconds between progress lines of long work (simulate, backfill, build, pdf) when stderr is not a terminal.',
          ),
      })
      .default({ progressSeconds: 10 }),
    schedule: z
      .strictObject({
        collect: cron.default('*/5 * * * *').describe('When to collect (cron, report time zone).'),
        publish: cron
          .default('0 6 * * *')
          .describe('When to analyze, build and export PDFs; closed weeks and months publish with it.'),
        timeoutMinutes: z
          .strictObject({
            collect: z.number().positive().default(10).describe('Minutes a collection may take.'),
            publish: z.number().positive().default(30).describe('Minutes analyze + build + pdf may take.'),
            deliver: z.number().positive().default(10).describe('Minutes a delivery run may take.'),
          })
          .default({ collect: 10, publish: 30, deliver: 10 })
          .describe('A run that takes longer is stopped and logged as timed out.'),
      })
      .default({
        collect: '*/5 * * * *',
        publish: '0 6 * * *',
        timeoutMinutes: { collect: 10, publish: 30, deliver: 10 },
      }),
    site: z
      .strictObject({
        title: z.string().min(1).default('Almanac').describe('Shown in every page title, PDF and email.'),
        baseUrl: z
          .url({ protocol: /^https?$/ })
          .nullable()
          .default(null)
          .describe('Public URL of the published site, used for links in email (null: no links).'),
      })
      .default({ title: 'Almanac', baseUrl: null }),
    pdf: z
      .strictObject({
        paper: z.enum(['A4', 'Letter']).default('A4').describe('Paper size of the PDFs.'),
        executablePath: z
          .string()
          .nullable()
          .default(null)
          .describe('Chrome or Chromium to print with (else PUPPETEER_EXECUTABLE_PATH, then the usual paths).'),
        timeoutMs: z.number().int().positive().default(30000).describe('Per-page render timeout.'),
        concurrency: z.number().int().min(1).max(8).default(2).describe('Pages printed in parallel.'),
        budgets: z
          .strictObject({
            daily: budget.default({ maxBytes: 1_572_864, maxPages: 16 }).describe('Daily PDF limits.'),
            weekly: budget.default({ maxBytes: 2_621_440, maxPages: 24 }).describe('Weekly PDF limits.'),
            monthly: budget.default({ maxBytes: 4_194_304, maxPages: 40 }).describe('Monthly PDF limits.'),
          })
          .default({
            daily: { maxBytes: 1_572_864, maxPages: 16 },
            weekly: { maxBytes: 2_621_440, maxPages: 24 },
            monthly: { maxBytes: 4_194_304, maxPages: 40 },
          }),
      })
      .default({
        paper: 'A4',
        executablePath: null,
        timeoutMs: 30000,
        concurrency: 2,
        budgets: {
          daily: { maxBytes: 1_572_864, maxPages: 16 },
          weekly: { maxBytes: 2_621_440, maxPages: 24 },
          monthly: { maxBytes: 4_194_304, maxPages: 40 },
        },
      }),
    email: z
      .strictObject({
        smtpUrl: z
          .string()
          .regex(/^smtps?:\/\//, { message: 'is not an SMTP URL (use smtp://user:pass@host:587 or smtps://...)' })
          .nullable()
          .default(null)
          .describe('SMTP server, e.g. "${SMTP_URL}" (default: the SMTP_URL environment variable, else no email).'),
        from: z.string().min(3).default('Almanac <almanac@localhost>').describe('Sender of report emails.'),
        owner: z.email().nullable().default(null).describe('Receives failure notices.'),
        timeoutMs: z.number().int().positive().default(30000).describe('SMTP connection and command timeout.'),
        subscriptions: z
          .array(
            z.strictObject({
              recipients: z.array(z.email()).min(1).describe('Email addresses that receive these reports.'),
              kinds: z
                .array(reportKind)
                .min(1)
                .default(['daily', 'weekly', 'monthly'])
                .describe('Which reports they receive.'),
              attachPdf: z.boolean().default(true).describe('Attach the PDF (else link to the page only).'),
            }),
          )
          .describe('Who receives which reports.')
          .default([]),
      })
      .default({
        smtpUrl: null,
        from: 'Almanac <almanac@localhost>',
        owner: null,
        timeoutMs: 30000,
        subscriptions: [],
      }),
    targets: z
      .strictObject({
        successRate: z.number().min(0).max(1).default(0.99).describe('Target job success rate (fraction).'),
        machineVariation: z
          .number()
          .min(0)
          .default(0.2)
          .describe('Target cross-machine variation of run time for the same job type (coefficient).'),
        waitToRunRatio: z.number().min(0).default(0.25).describe('Target ratio of p95 queue wait to median run time.'),
      })
      .default({ successRate: 0.99, machineVariation: 0.2, waitToRunRatio: 0.25 }),
    pools: z
      .strictObject({
        fastMaxSeconds: z.number().positive().default(30).describe('Jobs shorter than this are fast lane.'),
        standardMaxSeconds: z.number().positive().default(180).describe('Longer than this is heavy.'),
      })
      .default({ fastMaxSeconds: 30, standardMaxSeconds: 180 })
      .refine((pools) => pools.fastMaxSeconds < pools.standardMaxSeconds, {
        message: 'fastMaxSeconds must be below standardMaxSeconds',
      }),
  })
  .describe('Almanac configuration (almanac.config.json).');

export type ConfigFile = z.input<typeof configSchema>;
export type ParsedConfigFile = z.output<typeof configSchema>;
export type ReportKindName = z.infer<typeof reportKind>;
