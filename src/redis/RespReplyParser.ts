/** A reply as RESP2 encodes it: simple and bulk strings, integers, nil, arrays, and errors as values. */
export type RespReply = string | number | null | RespReply[] | RespReplyError;

/** An error reply (`-WRONGTYPE …`): the answer to one command, not a failure of the connection. */
export class RespReplyError extends Error {
  override name = 'ReplyError';
}

/** Bytes that are not RESP2: the connection cannot be trusted past them. */
export class RespProtocolError extends Error {
  override name = 'RespProtocolError';
}

const INCOMPLETE = Symbol('incomplete');
const CR = 13;
const LF = 10;
/** Deeper nesting than any read command returns: a stream of `*1\r\n*1\r\n…` must not exhaust the stack. */
const MAX_DEPTH = 16;
/** Redis's own ceiling for a bulk string (proto-max-bulk-len); a larger length is corrupt framing. */
const MAX_BULK_BYTES = 512 * 1024 * 1024;

/**
 * Turns the bytes of a RESP2 connection into replies, in order, whatever the chunking. Chunks are kept as they
 * arrive and joined only once enough bytes are buffered to get past the point where the last attempt stopped, so a
 * large reply arriving in many chunks is copied once, not once per chunk.
 */
export class RespReplyParser {
  private readonly onReply: (reply: RespReply) => void;
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes that must be buffered before parsing can get further than it did. */
  private needed = 0;
  /** Read position while parsing the joined buffer. */
  private at = 0;

  constructor(onReply: (reply: RespReply) => void) {
    this.onReply = onReply;
  }

  /** Bytes received but not yet a whole reply. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Feeds bytes; calls onReply for each reply they complete. Throws RespProtocolError on bytes that are not RESP. */
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.needed) return;
    const data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    let start = 0;
    for (;;) {
      this.at = start;
      const reply = this.reply(data, 0);
      if (reply === INCOMPLETE) break;
      start = this.at;
      this.onReply(reply);
    }
    if (start === data.length) {
      this.chunks = [];
      this.buffered = 0;
      this.needed = 0;
    } else {
      const rest = data.subarray(start);
      this.chunks = [rest];
      this.buffered = rest.length;
      this.needed -= start;
    }
  }

  private reply(data: Buffer, depth: number): RespReply | typeof INCOMPLETE {
    const type = data[this.at];
    if (type === undefined) {
      this.needed = this.at + 1;
      return INCOMPLETE;
    }
    // Every reply starts with a line: the type byte and its text or length up to CRLF.
    const cr = data.indexOf(CR, this.at + 1);
    if (cr === -1 || cr + 1 >= data.length) {
      this.needed = cr === -1 ? data.length + 1 : cr + 2;
      return INCOMPLETE;
    }
    if (data[cr + 1] !== LF) throw new RespProtocolError(`a reply line ends in CR without LF at byte ${cr}`);
    const lineStart = this.at + 1;
    switch (type) {
      case 0x2b: // '+'
        this.at = cr + 2;
        return data.toString('utf8', lineStart, cr);
      case 0x2d: // '-'
        this.at = cr + 2;
        return new RespReplyError(data.toString('utf8', lineStart, cr));
      case 0x3a: // ':'
        this.at = cr + 2;
        return integerOf(data, lineStart, cr);
      case 0x24: {
        // '$'
        const length = integerOf(data, lineStart, cr);
        if (length === -1) {
          this.at = cr + 2;
          return null;
        }
        if (length < 0 || length > MAX_BULK_BYTES) throw new RespProtocolError(`impossible bulk length ${length}`);
        const from = cr + 2;
        const end = from + length + 2;
        if (end > data.length) {
          this.needed = end;
          return INCOMPLETE;
        }
        if (data[end - 2] !== CR || data[end - 1] !== LF) {
          throw new RespProtocolError(`a bulk string of ${length} bytes does not end in CRLF`);
        }
        this.at = end;
        return data.toString('utf8', from, from + length);
      }
      case 0x2a: {
        // '*'
        const count = integerOf(data, lineStart, cr);
        this.at = cr + 2;
        if (count === -1) return null;
        if (count < 0) throw new RespProtocolError(`impossible array length ${count}`);
        if (depth >= MAX_DEPTH) throw new RespProtocolError(`arrays nested deeper than ${MAX_DEPTH}`);
        const items: RespReply[] = [];
        for (let i = 0; i < count; i++) {
          const item = this.reply(data, depth + 1);
          if (item === INCOMPLETE) return INCOMPLETE;
          items.push(item);
        }
        return items;
      }
      default:
        throw new RespProtocolError(`unexpected byte 0x${type.toString(16).padStart(2, '0')} where a reply starts`);
    }
  }
}

/** The signed decimal between `from` and `to`; anything else in a length or integer line is corrupt framing. */
function integerOf(data: Buffer, from: number, to: number): number {
  let i = from;
  const negative = data[i] === 0x2d;
  if (negative) i++;
  if (i === to || to - i > 19) throw new RespProtocolError('a length or integer line holds no usable number');
  let value = 0;
  for (; i < to; i++) {
    const digit = data[i]! - 0x30;
    if (digit < 0 || digit > 9) throw new RespProtocolError('a length or integer line holds a non-digit');
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}
