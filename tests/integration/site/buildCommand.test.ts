// `almanac build` as a user runs it, from a directory of its own: with no bundles yet it still publishes a
// home page and an archive that say so.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

describe('almanac build', () => {
  it('publishes an empty site before the first report, and says what to run', async () => {
    const cwd = tempDir();
    const run = await runAlmanac(['build'], { cwd, timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Built 0 of 0 report pages (full: no previous build)');
    expect(run.stdout).toContain(path.join(cwd, 'dist', 'index.html'));
    const home = await readFile(path.join(cwd, 'dist', 'index.html'), 'utf8');
    expect(home).toContain('No report has been published yet');
    const archive = await readFile(path.join(cwd, 'dist', 'archive', 'index.html'), 'utf8');
    expect(archive).toContain('0 daily, 0 weekly and 0 monthly reports.');
  });
});
