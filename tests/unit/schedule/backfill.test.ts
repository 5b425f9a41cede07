import { describe, expect, it } from 'vitest';
import { checkBackfillRange } from '../../../src/schedule/runBackfill.ts';

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
