import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBundles } from '../../../src/pdf/listBundles.ts';
import { parseReportRef } from '../../../src/pdf/exportPdfs.ts';
import { tempDir } from '../../helpers/tempDir.ts';

describe('listBundles', () => {
  it('lists well-named bundles of every kind with their generation time, unreadable ones with null', () => {
    const reports = tempDir('almanac-pdf-list');
    for (const kind of ['daily', 'weekly', 'monthly']) mkdirSync(path.join(reports, kind));
    writeFileSync(path.join(reports, 'daily', '2026-11-21.json'), '{"generated_at":"2026-11-22T06:00:00Z"}');
    writeFileSync(path.join(reports, 'daily', '2026-11-20.json'), '{not json');
    writeFileSync(path.join(reports, 'daily', 'notes.json'), '{}');
    writeFileSync(path.join(reports, 'weekly', '2026-W47.json'), '{"generated_at":"2026-11-23T06:00:00Z"}');
    writeFileSync(path.join(reports, 'monthly', '2026-11.json.tmp'), '{}');
    expect(listBundles(reports).map(({ kind, id, generatedMs }) => ({ kind, id, generatedMs }))).toEqual([
      { kind: 'daily', id: '2026-11-20', generatedMs: null },
      { kind: 'daily', id: '2026-11-21', generatedMs: Date.parse('2026-11-22T06:00:00Z') },
      { kind: 'weekly', id: '2026-W47', generatedMs: Date.parse('2026-11-23T06:00:00Z') },
    ]);
  });

  it('returns nothing for a reports folder that does not exist yet', () => {
    expect(listBundles(path.join(tempDir('almanac-pdf-none'), 'missing'))).toEqual([]);
  });
});

describe('parseReportRef', () => {
  it('accepts KIND:ID and refuses anything else with a hint', () => {
    expect(parseReportRef('weekly:2026-W47')).toEqual({ kind: 'weekly', id: '2026-W47' });
    expect(() => parseReportRef('daily:2026-13-01')).toThrow(/not a report reference/);
    expect(() => parseReportRef('yearly:2026')).toThrow(/not a report reference/);
    expect(() => parseReportRef('daily:../../etc/passwd')).toThrow(/not a report reference/);
  });
});
