import { statSync } from 'node:fs';
import type { Config } from '../config/Config.ts';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import { readSql } from '../warehouse/readSql.ts';
import { Warehouse } from '../warehouse/Warehouse.ts';
import type { DoctorCheck } from './DoctorCheck.ts';

/** Opens the warehouse for writing (creating or upgrading it like any command would) and closes it again. */
export async function checkWarehouse(config: Config): Promise<DoctorCheck> {
  const file = config.paths.warehouse;
  try {
    const warehouse = await Warehouse.open(file, { holder: 'almanac doctor' });
    try {
      const version = await warehouse.schemaVersion();
      const jobs = await warehouse.one<{ n: number; repeated: number }>(readSql(import.meta.url, 'countJobs.sql'));
      const size = statSync(file).size;
      if (Number(jobs?.repeated ?? 0) > 0) {
        return {
          name: 'warehouse',
          ok: false,
          detail: `${file} holds ${jobs?.repeated} job rows that repeat another row's (source, queue, job_id)`,
          fix: 'Something other than almanac collect wrote to the jobs table; keep the newest row of each job (see docs/collector.md).',
        };
      }
      return {
        name: 'warehouse',
        ok: true,
        detail: `${file} is writable (schema ${version}, ${jobs?.n ?? 0} jobs, ${(size / 1048576).toFixed(1)} MiB)`,
      };
    } finally {
      await warehouse.close();
    }
  } catch (error) {
    if (error instanceof AlmanacError) {
      return { name: 'warehouse', ok: false, detail: error.message, ...(error.hint ? { fix: error.hint } : {}) };
    }
    return { name: 'warehouse', ok: false, detail: `${file}: ${errorMessage(error)}` };
  }
}
