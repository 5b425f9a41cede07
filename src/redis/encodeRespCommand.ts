/** One command as RESP2 text (an array of bulk strings); lengths are UTF-8 byte counts, as the protocol needs. */
export function encodeRespCommand(args: readonly string[]): string {
  let text = `*${args.length}\r\n`;
  for (const arg of args) text += encodeBulkString(arg);
  return text;
}

/** One argument of a command. */
export function encodeBulkString(arg: string): string {
  return `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
}

/**
 * RESP text as bytes. Pure ASCII, the usual case for keys and field names, goes out as latin1: a plain copy,
 * several times cheaper than UTF-8 encoding, and the same bytes. A caller that already knows whether the text is
 * ASCII says so, and the text is not measured again.
 */
export function respBytes(text: string, ascii = Buffer.byteLength(text) === text.length): Buffer {
  return Buffer.from(text, ascii ? 'latin1' : 'utf8');
}
