// The new user's first command, in a clean clone of this repository: `almanac demo` (what `npm run demo` runs)
// needs no Redis, no config and no SMTP, and leaves a site with pages of every kind, an archive and PDFs that
// passed their print gate. node_modules is linked from this checkout instead of `npm ci` (no network in tests).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const checkout = fileURLToPath(new URL('../../../', import.meta.url));
const dir = tempDir('demo-clone');
const clone = path.join(dir, 'almanac');

describe('almanac demo in a clean clone', () => {
  it('simulates, analyzes, builds and prints, then says where to look', { timeout: 1_200_000 }, async () => {
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', checkout, clone]);
    symlinkSync(path.join(checkout, 'node_modules'), path.join(clone, 'node_modules'));
    const demo = await runAlmanac(['demo'], { cwd: clone, timeoutMs: 1_150_000 });
    expect(demo.code, demo.stderr.slice(-3000) + demo.stdout).toBe(0);
    expect(demo.stdout).toContain('Demo ready in');
    expect(demo.stdout).toContain('Site:      dist/index.html');
    expect(demo.stdout).toContain('npm run preview');

    const dist = path.join(clone, 'dist');
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
    for (const kind of ['daily', 'weekly', 'monthly']) {
      const pages = readdirSync(path.join(dist, kind)).filter((id) =>
        existsSync(path.join(dist, kind, id, 'index.html')),
      );
      expect(pages.length, kind).toBeGreaterThan(kind === 'daily' ? 80 : kind === 'weekly' ? 11 : 2);
      const pdfs = readdirSync(path.join(dist, 'pdf', kind)).filter((f) => f.endsWith('.pdf'));
      expect(pdfs.length, kind).toBeGreaterThan(0);
    }
    const archive = readFileSync(path.join(dist, 'archive', 'index.html'), 'utf8');
    expect(archive.match(/href="[^"]*daily\/\d{4}-\d{2}-\d{2}\/(index\.html)?"/g)?.length ?? 0).toBeGreaterThan(80);

    // Every PDF the demo printed passed the gate, and the file is where the export log says.
    const warehouse = await Warehouse.open(path.join(clone, 'data', 'demo', 'almanac.duckdb'), { readOnly: true });
    try {
      const exports = await warehouse.all<{ status: string; path: string }>('SELECT status, path FROM pdf_exports');
      expect(exports.length).toBeGreaterThanOrEqual(14);
      for (const row of exports) {
        expect(row.status).toBe('passed');
        expect(existsSync(row.path)).toBe(true);
      }
    } finally {
      await warehouse.close();
    }
  });
});
