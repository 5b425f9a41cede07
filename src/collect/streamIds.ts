/** Stream ids are `<ms>-<seq>`; compare them numerically (string order is wrong across digit counts). */
export function compareStreamIds(a: string, b: string): number {
  const [am, as] = split(a);
  const [bm, bs] = split(b);
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
}

/** Server time (epoch ms) at which a stream entry was added. */
export function msOfStreamId(id: string): number {
  return Number(split(id)[0]);
}

export function isStreamId(id: string): boolean {
  return /^\d{1,20}-\d{1,20}$/.test(id);
}

function split(id: string): [bigint, bigint] {
  const [ms = '0', seq = '0'] = id.split('-');
  return [BigInt(ms), BigInt(seq)];
}
