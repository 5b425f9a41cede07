import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A fresh temporary directory, removed after the test file. */
export function tempDir(label = 'almanac'): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${label}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
