import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/cli/formatTable.ts';

describe('formatTable', () => {
  it('aligns columns, prints NULL and ISO times, and counts rows', () => {
    const text = formatTable(
      ['id', 'at', 'n'],
      [
        { id: 'a', at: new Date('2026-11-21T06:00:00Z'), n: null },
        { id: 'bbbb', at: null, n: 42 },
      ],
    );
    expect(text.split('\n')).toEqual([
      'id   │ at                       │ n',
      '─────┼──────────────────────────┼─────',
      'a    │ 2026-11-21T06:00:00.000Z │ NULL',
      'bbbb │ NULL                     │ 42',
      '(2 rows)',
      '',
    ]);
  });

  it('escapes control characters from untrusted values', () => {
    expect(formatTable(['v'], [{ v: 'a\u001b[31mred\nx' }])).toContain('a\\x1b[31mred\\x0ax');
  });
});
