/** One command as RESP2 text (an array of bulk strings); lengths are UTF-8 byte counts, as the protocol needs. */
export function encodeRespCommand(args: readonly string[]): string {
  let text = `*${args.length}\r\n`;
  for (const arg of args) text += `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`;
  return text;
}

/**
 * RESP text as bytes. Pure ASCII, the usual case for keys and field names, goes out as latin1: a plain copy,
 * several times cheaper than UTF-8 encoding, and the same bytes.
 */
export function respBytes(text: string): Buffer {
  return Buffer.from(text, Buffer.byteLength(text) === text.length ? 'latin1' : 'utf8');
}
