import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/loadConfig.ts';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'almanac-config-'));
}

describe('loadConfig', () => {
  it('uses the defaults, rooted at the working directory, when there is no config file', () => {
    const cwd = tempDir();
    const config = loadConfig({ cwd, env: {} });
    expect(config.file).toBeNull();
    expect(config.paths.warehouse).toBe(path.join(cwd, 'data', 'almanac.duckdb'));
  });

  it('finds ./almanac.config.json and resolves its paths against its folder', () => {
    const cwd = tempDir();
    writeFileSync(
      path.join(cwd, 'almanac.config.json'),
      JSON.stringify({ timezone: 'Europe/Paris', dataDir: 'state' }),
    );
    const config = loadConfig({ cwd, env: {} });
    expect(config.file).toBe(path.join(cwd, 'almanac.config.json'));
    expect(config.timezone).toBe('Europe/Paris');
    expect(config.paths.data).toBe(path.join(cwd, 'state'));
  });

  it('resolves paths in a --config file against that file, and --db against the working directory', () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'etc'));
    writeFileSync(path.join(cwd, 'etc', 'prod.json'), JSON.stringify({ distDir: 'site' }));
    const config = loadConfig({ cwd, env: {}, configPath: 'etc/prod.json', overrides: { warehouse: 'w.duckdb' } });
    expect(config.paths.dist).toBe(path.join(cwd, 'etc', 'site'));
    expect(config.paths.warehouse).toBe(path.join(cwd, 'w.duckdb'));
  });

  it('refuses a --config file that does not exist', () => {
    expect(() => loadConfig({ cwd: tempDir(), env: {}, configPath: 'missing.json' })).toThrow(
      expect.objectContaining({ code: 'ConfigNotFound', exitCode: 2 }),
    );
  });

  it('refuses a file that is not JSON, naming the file', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'almanac.config.json'), '{ "timezone": "UTC", }');
    expect(() => loadConfig({ cwd, env: {} })).toThrow(
      expect.objectContaining({ code: 'ConfigInvalid', message: expect.stringContaining('is not valid JSON') }),
    );
  });
});
