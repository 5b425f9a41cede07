import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parseConfig.ts';
import { silentLogger } from '../../../src/log/silentLogger.ts';
import { silentProgress } from '../../../src/progress/createProgress.ts';
import { checkBackfillRange, runBackfill } from '../../../src/schedule/runBackfill.ts';
import type { Steps } from '../../../src/schedule/Steps.ts';
import { Warehouse } from '../../../src/warehouse/Warehouse.ts';
import { tempDir } from '../../helpers/tempDir.ts';

describe('checkBackfillRange', () => {
  const today = '2026-11-23';
  it('accepts closed calendar days in order', () => {
    expect(() => checkBackfillRange('2026-11-01', '2026-11-22', today)).not.toThrow();
    expect(() => checkBackfillRange('2026-11-22', '2026-11-22', today)).not.toThrow();
  });
  it('names what is wrong', () => {
    expect(() => checkBackfillRange(undefined, '2026-11-22', today)).toThrow('needs --from DATE');
    expect(() => checkBackfillRange('2026-02-30', '2026-03-01', today)).toThrow(
      '--from "2026-02-30" is not a calendar date',
    );
    expect(() => checkBackfillRange('2026-11-10', '2026-11-01', today)).toThrow(
      '--from 2026-11-10 is after --to 2026-11-01',
    );
    expect(() => checkBackfillRange('2026-11-10', '2026-11-23', today)).toThrow('not a closed day yet');
  });
});

describe('runBackfill', () => {
  const dir = tempDir('backfill-unit');
  const config = parseConfig({}, { baseDir: dir, env: {} });
  const calls: [string, unknown][] = [];
  const step =
    (name: string, summary: Record<string, unknown> = {}) =>
    async (_context: unknown, options?: unknown) => {
      calls.push([name, options]);
      return summary;
    };
  const steps: Steps = {
    collect: step('collect'),
    analyze: step('analyze', {
      written: ['daily/2026-11-20 (revision 2)', 'weekly/2026-W47 (revision 3)', 'daily/2026-11-21'],
    }),
    build: step('build'),
    pdf: step('pdf'),
    deliver: step('deliver'),
  };
  const run = async (email: boolean) => {
    calls.length = 0;
    const warehouse = await Warehouse.open(path.join(dir, `w${email}.duckdb`));
    try {
      return await runBackfill({
        config,
        warehouse,
        logger: silentLogger,
        now: () => new Date('2026-11-23T08:00:00Z'),
        steps,
        progress: silentProgress,
        signal: new AbortController().signal,
        from: '2026-11-20',
        to: '2026-11-21',
        email,
      });
    } finally {
      await warehouse.close();
    }
  };

  it('restates, rebuilds, re-exports and links, and emails nothing unless asked', async () => {
    await run(false);
    expect(calls).toEqual([
      [
        'analyze',
        { from: '2026-11-20', through: '2026-11-21', restate: true, reason: 'backfill of 2026-11-20 to 2026-11-21' },
      ],
      ['build', {}],
      ['pdf', {}],
      ['build', {}],
    ]);
  });

  it('with --email re-sends only the restated reports', async () => {
    await run(true);
    expect(calls.at(-1)).toEqual(['deliver', { resend: ['daily:2026-11-20', 'weekly:2026-W47'] }]);
  });
});
