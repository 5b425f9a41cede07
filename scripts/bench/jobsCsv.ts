// The collect benchmark's second reference, the engine's own limit: DuckDB loading the rows the collector stored
// from a CSV file into the jobs table of a fresh warehouse (same schema, same primary key). The gap between it and
// the collector is what decoding, batching and upserting cost on top of DuckDB writing the rows at all.
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import type { Figure } from './Benchmark.ts';

/** COPY takes a file name as a literal, not a bound parameter. */
const literal = (file: string) => `'${file.replaceAll("'", "''")}'`;

/** Writes the jobs table of a collected warehouse to `csvFile` (outside any timing). Returns the row count. */
export async function exportJobsCsv(warehouseFile: string, csvFile: string): Promise<number> {
  const warehouse = await Warehouse.open(warehouseFile, { holder: 'bench csv export' });
  try {
    await warehouse.run(`COPY jobs TO ${literal(csvFile)} (HEADER)`);
    const [row] = await warehouse.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM jobs');
    return row?.n ?? 0;
  } finally {
    await warehouse.close();
  }
}

/** Loads `csvFile` into a new warehouse under `dir`, timed from COPY to commit; rows per second. */
export async function loadJobsCsv(csvFile: string, dir: string): Promise<Figure> {
  const scratch = mkdtempSync(path.join(dir, 'csv-'));
  try {
    const warehouse = await Warehouse.open(path.join(scratch, 'csv.duckdb'), { holder: 'bench csv load' });
    try {
      const started = performance.now();
      await warehouse.run(`COPY jobs FROM ${literal(csvFile)} (HEADER)`);
      const seconds = (performance.now() - started) / 1000;
      const [row] = await warehouse.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM jobs');
      const rows = row?.n ?? 0;
      return {
        value: rows / seconds,
        unit: 'jobs/s',
        notes: { csvRows: rows, csvSeconds: Number(seconds.toFixed(2)) },
      };
    } finally {
      await warehouse.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
