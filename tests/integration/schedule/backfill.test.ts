// `almanac backfill` end to end: a published day whose data then changes is restated, and the restatement shows on
// the page, in the archive and in a re-exported PDF (real warehouse, analysis, site build and Chromium).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const dir = tempDir('backfill');
const day = '2026-11-20';

interface Bundle {
  revision: number;
  generated_at: string;
  restates: { revision: number; reason: string } | null;
}
const bundle = () =>
  JSON.parse(readFileSync(path.join(dir, 'data', 'reports', 'daily', `${day}.json`), 'utf8')) as Bundle;

async function pdfExport(): Promise<{ status: string; bundle_generated_at: Date } | undefined> {
  const warehouse = await Warehouse.open(path.join(dir, 'data', 'almanac.duckdb'), { readOnly: true });
  try {
    return await warehouse.one(
      "SELECT status, bundle_generated_at FROM pdf_exports WHERE kind = 'daily' AND report_id = $id",
      {
        id: day,
      },
    );
  } finally {
    await warehouse.close();
  }
}

describe('almanac backfill', () => {
  it(
    'restates a closed day whose data changed, on the page, in the archive and in the PDF',
    { timeout: 600_000 },
    async () => {
      writeFileSync(path.join(dir, 'almanac.config.json'), JSON.stringify({ timezone: 'UTC' }));
      const sim = await runAlmanac(
        [
          'simulate',
          '--warehouse',
          '--days',
          '3',
          '--end',
          '2026-11-21',
          '--seed',
          '9',
          '--machines',
          '3',
          '--jobs-per-day',
          '150',
        ],
        { cwd: dir },
      );
      expect(sim.code, sim.stderr).toBe(0);
      // Publish once (collect has no source: a no-op). PDFs that miss their page budget do not matter here.
      await runAlmanac(['run'], { cwd: dir, timeoutMs: 400_000 });
      const published = bundle();
      expect(published.revision).toBe(1);

      // The day's data changes: a re-collection found that a third of its completed jobs had in fact failed.
      const warehouse = await Warehouse.open(path.join(dir, 'data', 'almanac.duckdb'));
      try {
        await warehouse.run(
          `UPDATE jobs SET status = 'failed', error_type = 'restated'
         WHERE status = 'completed' AND finished_at >= $start AND finished_at < $end AND hash(job_id) % 3 = 0`,
          { start: new Date(`${day}T00:00:00Z`), end: new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000) },
        );
      } finally {
        await warehouse.close();
      }

      const backfill = await runAlmanac(['backfill', '--from', day, '--to', day], { cwd: dir, timeoutMs: 400_000 });
      expect(backfill.stdout, backfill.stderr.slice(-2000)).toContain(`daily/${day} (revision 2)`);
      const restated = bundle();
      expect(restated.revision).toBe(2);
      expect(restated.restates).toMatchObject({ revision: 1, reason: `backfill of ${day} to ${day}` });

      const page = readFileSync(path.join(dir, 'dist', 'daily', day, 'index.html'), 'utf8');
      expect(page).toContain('Restated.');
      const archive = readFileSync(path.join(dir, 'dist', 'archive', 'index.html'), 'utf8');
      expect(archive).toMatch(
        new RegExp(`${day}[^<]*<[^>]*>[^<]*restated|restated[^\\n]*${day}|${day}[\\s\\S]{0,400}restated`),
      );
      // The PDF was exported again from the restated bundle (whether or not it passed its page budget).
      const exported = await pdfExport();
      expect(exported?.bundle_generated_at.toISOString()).toBe(new Date(restated.generated_at).toISOString());
      if (exported?.status === 'passed') {
        const text = execFileSync('pdftotext', [path.join(dir, 'dist', 'pdf', 'daily', `${day}.pdf`), '-']).toString();
        expect(text).toContain('Restated');
      }
    },
  );
});
