import type { Config } from '../config/Config.ts';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { checkBrowser } from './checkBrowser.ts';
import { checkNode } from './checkNode.ts';
import { checkRedis } from './checkRedis.ts';
import { checkSmtp } from './checkSmtp.ts';
import { checkWarehouse } from './checkWarehouse.ts';
import type { DoctorCheck } from './DoctorCheck.ts';

export interface DoctorInput {
  /** Returns the config or throws ConfigInvalid; doctor reports that instead of stopping. */
  loadConfig: () => Config;
  /** --redis URL: check this address instead of the configured sources. */
  redisUrl?: string;
}

/** Every check, in the order a user fixes things: runtime, config, storage, then the services around it. */
export async function runDoctor(input: DoctorInput): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [checkNode()];
  let config: Config | null = null;
  try {
    config = input.loadConfig();
    checks.push({
      name: 'config',
      ok: true,
      detail: config.file ? `${config.file} is valid` : 'no config file; using the defaults',
    });
  } catch (error) {
    if (!(error instanceof AlmanacError)) throw error;
    checks.push({ name: 'config', ok: false, detail: error.message, ...(error.hint ? { fix: error.hint } : {}) });
  }

  if (config) checks.push(await checkWarehouse(config));
  if (input.redisUrl) {
    checks.push(await checkRedis('redis', input.redisUrl));
  } else if (config) {
    for (const source of config.sources) checks.push(await checkRedis(`redis[${source.name}]`, source.redisUrl));
    if (config.sources.length === 0) {
      checks.push({
        name: 'redis',
        ok: true,
        detail: 'no sources configured (the demo needs none; see README "Connecting a fleet")',
      });
    }
  }
  if (config) checks.push(checkBrowser(config));
  if (config?.email.smtpUrl)
    checks.push(await checkSmtp(config.email.smtpUrl, Math.min(config.email.timeoutMs, 10_000)));
  return checks;
}
