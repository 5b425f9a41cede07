import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import { openRedis } from '../redis/openRedis.ts';
import { redactUrl } from '../util/redactUrl.ts';
import type { DoctorCheck } from './DoctorCheck.ts';

export async function checkRedis(name: string, url: string): Promise<DoctorCheck> {
  const where = redactUrl(url);
  try {
    const client = await openRedis(url, {
      connectTimeoutMs: 2000,
      commandTimeoutMs: 2000,
      connectionName: 'almanac-doctor',
    });
    try {
      const info = await client.info('server');
      const version = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
      const [major = 0] = version.split('.').map(Number);
      const ok = major >= 6;
      return {
        name,
        ok,
        detail: `Redis ${version} at ${where}`,
        ...(ok ? {} : { fix: 'Almanac needs Redis 6 or newer for its SCAN and stream commands.' }),
      };
    } finally {
      client.disconnect();
    }
  } catch (error) {
    if (error instanceof AlmanacError)
      return { name, ok: false, detail: error.message, ...(error.hint ? { fix: error.hint } : {}) };
    return { name, ok: false, detail: `Redis at ${where}: ${errorMessage(error)}` };
  }
}
