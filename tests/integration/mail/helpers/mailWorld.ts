import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../../../src/config/Config.ts';
import { parseConfig } from '../../../../src/config/parseConfig.ts';
import type { Logger } from '../../../../src/log/Logger.ts';
import { deliverReports, type DeliverOptions } from '../../../../src/mail/deliverReports.ts';
import { smtpTransport } from '../../../../src/mail/transport/smtpTransport.ts';
import type { Warehouse } from '../../../../src/warehouse/Warehouse.ts';
import { recordingLogger } from '../../../helpers/recordingLogger.ts';
import { minimalPdf } from './minimalPdf.ts';

const fixtureReports = fileURLToPath(new URL('../../../fixtures/bundles/reports', import.meta.url));

/** Pinned clock: the morning after the fixtures' last closed day (21 November, New York). */
export const NOW = new Date('2026-11-22T12:00:00.000Z');

export interface MailWorld {
  dir: string;
  raw: Record<string, unknown>;
  config: Config;
}

/** A project folder with the fixture bundles published and a config (raw, as in almanac.config.json). */
export function mailWorld(dir: string, email: Record<string, unknown>, site?: Record<string, unknown>): MailWorld {
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  cpSync(fixtureReports, path.join(dir, 'data', 'reports'), { recursive: true });
  const raw = {
    timezone: 'America/New_York',
    site: site ?? { title: 'Almanac', baseUrl: 'https://reports.example.com/almanac/' },
    email: { from: 'Almanac <almanac@example.com>', timeoutMs: 5000, ...email },
  };
  writeFileSync(path.join(dir, 'almanac.config.json'), JSON.stringify(raw, null, 2));
  return { dir, raw, config: parseConfig(raw, { baseDir: dir, env: {} }) };
}

/** The PDF stage's table (migration 050, owned by the pdf engineer), created here when that migration is absent. */
export async function ensurePdfExportsTable(warehouse: Warehouse): Promise<void> {
  await warehouse.run(`CREATE TABLE IF NOT EXISTS pdf_exports (
    kind VARCHAR, report_id VARCHAR, bundle_generated_at TIMESTAMPTZ, status VARCHAR, path VARCHAR, bytes BIGINT,
    pages INTEGER, failed_check VARCHAR, error VARCHAR, exported_at TIMESTAMPTZ, PRIMARY KEY (kind, report_id))`);
}

/** Records a passed export and writes its PDF where the contract says; returns the bytes. */
export async function publishPdf(world: MailWorld, warehouse: Warehouse, kind: string, id: string): Promise<Buffer> {
  await ensurePdfExportsTable(warehouse);
  const pdf = minimalPdf(`${kind} ${id}`);
  const file = path.join(world.config.paths.pdf, kind, `${id}.pdf`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, pdf);
  const bundle = JSON.parse(readFileSync(path.join(world.config.paths.reports, kind, `${id}.json`), 'utf8')) as {
    generated_at: string;
  };
  await warehouse.run(
    `INSERT OR REPLACE INTO pdf_exports VALUES ($kind, $id, $generated, 'passed', $path, $bytes, 1, NULL, NULL, $now)`,
    { kind, id, generated: new Date(bundle.generated_at), path: file, bytes: pdf.length, now: NOW },
  );
  return pdf;
}

export async function failPdf(warehouse: Warehouse, kind: string, id: string, check: string, error: string) {
  await ensurePdfExportsTable(warehouse);
  await warehouse.run(
    `INSERT OR REPLACE INTO pdf_exports VALUES ($kind, $id, NULL, 'failed', NULL, NULL, NULL, $check, $error, $now)`,
    { kind, id, check, error, now: NOW },
  );
}

/** One in-process `deliver` run against an SMTP URL. */
export async function deliverOnce(
  world: MailWorld,
  warehouse: Warehouse,
  smtpUrl: string,
  now: Date,
  options: DeliverOptions = {},
  logger: Logger = recordingLogger(),
) {
  const config = { ...world.config, email: { ...world.config.email, smtpUrl } };
  const transport = smtpTransport({ url: smtpUrl, timeoutMs: config.email.timeoutMs });
  try {
    return await deliverReports({ config, warehouse, transport, logger, now: () => now }, options);
  } finally {
    transport.close();
  }
}
