import { Warehouse } from '../../src/warehouse/Warehouse.ts';
import type { AlmanacRun } from './runAlmanac.ts';

/**
 * Where any of `forms` (a secret in the ways it could leak: plain, URL-encoded, a fragment) appears: in the output
 * of the runs, or in any table of the warehouse. Each finding is "label: form" or "table name: form".
 */
export async function secretsLeft(
  runs: readonly { label: string; run: AlmanacRun }[],
  warehouseFile: string,
  forms: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const { label, run } of runs) {
    for (const f of forms) if ((run.stdout + run.stderr).includes(f)) found.push(`${label}: ${f}`);
  }
  const w = await Warehouse.open(warehouseFile, { readOnly: true });
  try {
    const tables = await w.all<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'",
    );
    for (const { table_name } of tables) {
      const text = JSON.stringify(await w.all(`SELECT * FROM "${table_name}"`));
      for (const f of forms) if (text.includes(f)) found.push(`table ${table_name}: ${f}`);
    }
  } finally {
    await w.close();
  }
  return found;
}
