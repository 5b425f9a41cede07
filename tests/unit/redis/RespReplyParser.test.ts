import { describe, expect, it } from 'vitest';
import {
  RespProtocolError,
  RespReplyError,
  RespReplyParser,
  type RespReply,
} from '../../../src/redis/RespReplyParser.ts';

function parseChunks(chunks: readonly Buffer[]): RespReply[] {
  const replies: RespReply[] = [];
  const parser = new RespReplyParser((reply) => replies.push(reply));
  for (const chunk of chunks) parser.push(chunk);
  expect(parser.pendingBytes).toBe(0);
  return replies;
}

// One of each RESP2 reply a read command gets, including UTF-8 text, an empty and a nil bulk string, an empty
// and a nil array, a nested array (XRANGE) and a bulk string holding CRLF and RESP-looking bytes.
const WIRE = Buffer.from(
  [
    '+OK\r\n',
    '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n',
    ':42\r\n',
    ':-7\r\n',
    '$5\r\nhello\r\n',
    '$0\r\n\r\n',
    '$-1\r\n',
    '*0\r\n',
    '*-1\r\n',
    `$${Buffer.byteLength('Zürich ✓')}\r\nZürich ✓\r\n`,
    '*3\r\n$2\r\nid\r\n$-1\r\n$12\r\na\r\n*1\r\n:9\r\nb\r\n',
    '*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n',
  ].join(''),
);

function expectWire(replies: RespReply[]): void {
  expect(replies).toHaveLength(12);
  expect(replies[0]).toBe('OK');
  expect(replies[1]).toBeInstanceOf(RespReplyError);
  expect((replies[1] as Error).message).toMatch(/^WRONGTYPE /);
  expect(replies.slice(2)).toEqual([
    42,
    -7,
    'hello',
    '',
    null,
    [],
    null,
    'Zürich ✓',
    ['id', null, 'a\r\n*1\r\n:9\r\nb'],
    [['1-0', ['f', 'v']]],
  ]);
}

describe('RespReplyParser', () => {
  it('reads every reply type in one chunk', () => {
    expectWire(parseChunks([WIRE]));
  });

  it('gives the same replies however the bytes are split: at every offset, and one byte at a time', () => {
    for (let cut = 1; cut < WIRE.length; cut++) {
      expectWire(parseChunks([WIRE.subarray(0, cut), WIRE.subarray(cut)]));
    }
    expectWire(parseChunks([...WIRE].map((byte) => Buffer.from([byte]))));
  });

  it('holds a partial reply until its last byte arrives, then delivers it once', () => {
    const body = 'x'.repeat(300_000);
    const wire = Buffer.from(`*2\r\n$${body.length}\r\n${body}\r\n:1\r\n`);
    const replies: RespReply[] = [];
    const parser = new RespReplyParser((reply) => replies.push(reply));
    for (let at = 0; at < wire.length; at += 4096) {
      parser.push(wire.subarray(at, Math.min(wire.length, at + 4096)));
      if (at + 4096 < wire.length) expect(replies).toEqual([]);
    }
    expect(replies).toEqual([[body, 1]]);
    expect(parser.pendingBytes).toBe(0);
  });

  it('keeps the bytes of an unfinished reply as pending', () => {
    const parser = new RespReplyParser(() => undefined);
    parser.push(Buffer.from('$5\r\nhel'));
    expect(parser.pendingBytes).toBe(7);
  });

  it.each([
    ['an unknown type byte', '!oops\r\n'],
    ['a length that is not a number', '$abc\r\nxyz\r\n'],
    ['an empty length', '*\r\n'],
    ['a negative bulk length other than -1', '$-2\r\n'],
    ['a bulk string without its CRLF', '$3\r\nabcde\r\n'],
    ['CR without LF', '+OK\rX'],
    ['nesting no read command returns', '*1\r\n'.repeat(40) + ':1\r\n'],
    ['a bulk length beyond Redis limits', '$999999999999\r\n'],
  ])('refuses %s as a protocol error', (_, wire) => {
    const parser = new RespReplyParser(() => undefined);
    expect(() => parser.push(Buffer.from(wire))).toThrow(RespProtocolError);
  });
});
