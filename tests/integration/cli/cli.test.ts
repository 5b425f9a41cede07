import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNames, loadCommands } from '../../../src/cli/commands/index.ts';
import { runAlmanac } from '../../helpers/runAlmanac.ts';
import { tempDir } from '../../helpers/tempDir.ts';

// The real command in a child process, in a directory of its own: data/ must land there.
describe('almanac CLI', () => {
  it('lists every command of the architecture in --help', async () => {
    const result = await runAlmanac(['--help'], { cwd: tempDir() });
    expect(result.code).toBe(0);
    for (const name of [
      'collect',
      'analyze',
      'build',
      'pdf',
      'deliver',
      'run',
      'schedule',
      'backfill',
      'simulate',
      'demo',
      'sql',
      'doctor',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    expect(commandNames.length).toBeGreaterThanOrEqual(12);
    // Each loader yields the command it is named after.
    expect((await loadCommands()).map((c) => c.name)).toEqual(commandNames);
  });

  it('prints the version and per-command help', async () => {
    const cwd = tempDir();
    expect((await runAlmanac(['--version'], { cwd })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await runAlmanac(['sql', '--help'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: almanac sql "QUERY"');
  });

  it('runs a query on a new warehouse created in the working directory', async () => {
    const cwd = tempDir();
    const table = await runAlmanac(['sql', 'select 42 as answer'], { cwd });
    expect(table.code).toBe(0);
    expect(table.stdout).toBe('answer\n──────\n42\n(1 row)\n');
    const json = await runAlmanac(['sql', 'select * from jobs', '--json'], { cwd });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
    const tables = await runAlmanac(
      ['sql', "select table_name from duckdb_tables() where table_name = 'rejects'", '--json'],
      {
        cwd,
      },
    );
    expect(JSON.parse(tables.stdout)).toEqual([{ table_name: 'rejects' }]);
    expect(tables.stderr).toBe('');
  });

  it('honours --db relative to the working directory', async () => {
    const cwd = tempDir();
    const result = await runAlmanac(
      ['--db', 'elsewhere/w.duckdb', 'sql', 'select count(*) as n from rejects', '--json'],
      { cwd },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ n: 0 }]);
    const again = await runAlmanac(['sql', 'select 1 as one', '--db', path.join(cwd, 'elsewhere/w.duckdb')], { cwd });
    expect(again.code).toBe(0);
  });

  it('refuses statements that change data, without a stack trace', async () => {
    const result = await runAlmanac(['sql', 'delete from jobs'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error\[QueryRejected\]: Only queries may run here/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says that Redis refused the connection, in two lines without a stack trace', async () => {
    const result = await runAlmanac(['doctor', '--redis', 'redis://127.0.0.1:1'], { cwd: tempDir() });
    expect(result.code).toBe(1);
    const redisLines = result.stdout.split('\n').filter((line) => /redis|fix: Start Redis/i.test(line));
    expect(redisLines).toEqual([
      'FAIL redis            Redis at redis://127.0.0.1:1 refused the connection: nothing listens there.',
      "                      fix: Start Redis (redis-server) or fix the host and port in the source's redisUrl / --redis.",
    ]);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('passes doctor against the real Redis, never printing its password', async () => {
    const result = await runAlmanac(['doctor', '--json', '--redis', 'redis://:hunter2@127.0.0.1:6379'], {
      cwd: tempDir(),
    });
    const report = JSON.parse(result.stdout) as { checks: { name: string; ok: boolean; detail: string }[] };
    const redis = report.checks.find((check) => check.name === 'redis');
    expect(redis, result.stdout).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/^Redis \d+\.\d+\.\d+ at redis:\/\/:\*\*\*@127\.0\.0\.1:6379$/),
    });
    expect(report.checks.find((check) => check.name === 'warehouse')?.ok).toBe(true);
    expect(result.stdout + result.stderr).not.toContain('hunter2');
  });

  it('runs with a fixed young generation, unless NODE_OPTIONS gives one', async () => {
    const nodeCheck = async (env: Record<string, string> = {}) => {
      const result = await runAlmanac(['doctor', '--json', '--redis', 'redis://127.0.0.1:1'], { cwd: tempDir(), env });
      const report = JSON.parse(result.stdout) as { checks: { name: string; detail: string }[] };
      return report.checks.find((check) => check.name === 'node')?.detail;
    };
    expect(await nodeCheck()).toMatch(/, young generation --max-semi-space-size=16$/);
    expect(await nodeCheck({ NODE_OPTIONS: '--max-semi-space-size=8' })).toMatch(
      /, young generation --max-semi-space-size=8$/,
    );
  });

  it('rejects a bad config with every problem listed by path, exit code 2', async () => {
    const cwd = tempDir();
    writeFileSync(
      path.join(cwd, 'almanac.config.json'),
      JSON.stringify({ timezone: 'Nowhere/Land', pdf: { timeoutMs: 'soon' }, sauces: [] }),
    );
    const result = await runAlmanac(['sql', 'select 1'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `error[ConfigInvalid]: The config file ${path.join(cwd, 'almanac.config.json')} has 3 problems:`,
    );
    expect(result.stderr).toContain('  sauces: unknown key (remove it or check its spelling)');
    expect(result.stderr).toContain('  pdf.timeoutMs: expected a number, got a string (change it to a number)');
    expect(result.stderr).toContain('  timezone: "Nowhere/Land" is not an IANA time zone');
    const doctor = await runAlmanac(['doctor'], { cwd });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/^FAIL config /m);
  });

  it('rejects unknown commands and options with usage help', async () => {
    const cwd = tempDir();
    const unknown = await runAlmanac(['frobnicate'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error\[UnknownCommand\]/);
    const option = await runAlmanac(['sql', '--frob', 'select 1'], { cwd });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("error[BadUsage]: Unknown option '--frob'.");
    const json = await runAlmanac(['frobnicate', '--json'], { cwd });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'UnknownCommand' } });
  });
});
