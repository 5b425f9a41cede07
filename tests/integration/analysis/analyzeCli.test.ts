import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { writeSmallFleet } from './smallFleet.ts';

// The real `almanac analyze` in a child process, in a directory of its own.
describe('almanac analyze', () => {
  it('publishes closed periods up to --through once, then has nothing left to do', async () => {
    const cwd = tempDir();
    const warehouse = await Warehouse.open(path.join(cwd, 'data', 'almanac.duckdb'));
    await writeSmallFleet(warehouse, { from: '2026-11-01T00:00:00Z', days: 10, perDay: 48 });
    await warehouse.close();

    const first = await runAlmanac(['analyze', '--through', '2026-11-08', '--json'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout) as {
      written: { kind: string; id: string; closed: boolean }[];
      live: boolean;
    };
    expect(result.live).toBe(false);
    expect(result.written.map((w) => `${w.kind}/${w.id}`)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `daily/2026-11-0${i + 1}`),
      'weekly/2026-W44',
      'weekly/2026-W45',
    ]);
    expect(existsSync(path.join(cwd, 'data', 'reports', 'weekly', '2026-W45.json'))).toBe(true);

    const second = await runAlmanac(['analyze', '--through', '2026-11-08'], { cwd });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Wrote 0 closed and 0 open report bundles');
    expect(second.stdout).toContain('Every closed period is already published.');
  });

  it('rejects a malformed --through date with exit code 2 and no stack trace', async () => {
    const result = await runAlmanac(['analyze', '--through', '21/11/2026'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error\[BadThroughDate\]: --through expects a date like 2026-11-21/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
