import { AlmanacError } from '../errors/AlmanacError.ts';
import { redactUrl } from '../util/redactUrl.ts';

export interface RedisHost {
  host: string;
  port: number;
}

/** Where a Redis URL points: one server (handed to ioredis as is), a Sentinel-managed master, or a Cluster. */
export type RedisTarget =
  | { kind: 'single'; url: string; tls: boolean }
  | {
      kind: 'sentinel';
      tls: boolean;
      sentinels: RedisHost[];
      masterName: string;
      db: number;
      /** Credentials of the master (and its replicas). */
      username: string | null;
      password: string | null;
      /** Credentials of the sentinels themselves (`sentinelUsername` / `sentinelPassword` parameters). */
      sentinelUsername: string | null;
      sentinelPassword: string | null;
      /** TLS to the sentinels: the scheme's choice unless `sentinelTls` says otherwise. */
      sentinelTls: boolean;
    }
  | { kind: 'cluster'; tls: boolean; nodes: RedisHost[]; username: string | null; password: string | null };

export const REDIS_URL_FORMS =
  'Use redis://[user:pass@]host:6379[/db], redis+sentinel://[user:pass@]sentinel1:26379,sentinel2:26379/<master>[/db]' +
  '[?sentinelPassword=…] or redis+cluster://[user:pass@]node1:6379,node2:6379 (rediss… for TLS); percent-encode ' +
  'reserved characters in passwords (encodeURIComponent).';

const SCHEME = /^(rediss?)(?:\+(sentinel|cluster))?:\/\/(.*)$/s;
const SENTINEL_PARAMS = new Set(['sentinelPassword', 'sentinelUsername', 'sentinelTls']);

/** The problem with a Redis URL in a few words, or null when `parseRedisUrl` accepts it. */
export function redisUrlProblem(url: string): string | null {
  const result = parse(url);
  return typeof result === 'string' ? result : null;
}

/**
 * Reads the URL forms Almanac accepts (docs/collector.md "Connecting"): plain `redis://`/`rediss://` pass through
 * to ioredis unchanged; `redis+sentinel://` and `redis+cluster://` (and their `rediss+` TLS variants) carry a
 * comma-separated host list (IPv6 in brackets), percent-encoded credentials and, for Sentinel, the master name.
 */
export function parseRedisUrl(url: string): RedisTarget {
  const result = parse(url);
  if (typeof result !== 'string') return result;
  throw new AlmanacError('RedisUrlInvalid', `${redactUrl(url)} is not a usable Redis URL: ${result}.`, {
    hint: REDIS_URL_FORMS,
    exitCode: 2,
  });
}

function parse(url: string): RedisTarget | string {
  const match = SCHEME.exec(url.trim());
  if (!match)
    return 'it does not start with redis://, rediss://, redis+sentinel://, redis+cluster:// or their rediss+ forms';
  const [, base, topology, rest] = match as unknown as [string, string, string | undefined, string];
  const tls = base === 'rediss';
  const kind = topology;
  // The authority runs to the first "/", "?" or "#"; credentials end at its last "@".
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const tail = end === -1 ? '' : rest.slice(end);
  if (kind === undefined) {
    if (authority.includes(',')) return 'several hosts need redis+sentinel:// or redis+cluster://';
    return { kind: 'single', url, tls };
  }
  if (tail.includes('#')) return 'a "#" must be percent-encoded (%23)';
  const at = authority.lastIndexOf('@');
  // Never echo what follows: it would be the end of a password holding an unencoded "/", "?" or "#".
  if (at === -1 && tail.includes('@'))
    return 'an "@" follows the hosts: percent-encode "/", "?", "#" and "@" in user names and passwords';
  const credentials = at === -1 ? null : decodeCredentials(authority.slice(0, at));
  if (typeof credentials === 'string') return credentials;
  const hosts = parseHosts(at === -1 ? authority : authority.slice(at + 1), kind === 'sentinel' ? 26379 : 6379);
  if (typeof hosts === 'string') return hosts;
  const queryAt = tail.indexOf('?');
  const pathPart = queryAt === -1 ? tail : tail.slice(0, queryAt);
  const params = parseQuery(queryAt === -1 ? '' : tail.slice(queryAt + 1));
  if (typeof params === 'string') return params;
  const username = credentials?.username ?? null;
  const password = credentials?.password ?? null;

  if (kind === 'cluster') {
    if (pathPart !== '' && pathPart !== '/' && pathPart !== '/0') return 'a Redis Cluster has only database 0';
    const unknown = [...params.keys()][0];
    if (unknown !== undefined) return `unknown parameter "${unknown}" (redis+cluster:// takes none)`;
    return { kind: 'cluster', tls, nodes: hosts, username, password };
  }

  const segments = pathPart.split('/').slice(1);
  if (segments.length === 0 || segments[0] === '') return 'the master name is missing (…:26379/mymaster)';
  if (segments.length > 2 || (segments.length === 2 && !/^\d{1,5}$/.test(segments[1]!)))
    return 'after the master name only a database number may follow (/mymaster/0)';
  const masterName = decode(segments[0]!);
  if (masterName === null) return 'the master name has a malformed %-escape';
  for (const name of params.keys()) {
    if (!SENTINEL_PARAMS.has(name)) return `unknown parameter "${name}" (known: ${[...SENTINEL_PARAMS].join(', ')})`;
  }
  const sentinelTlsText = params.get('sentinelTls');
  if (sentinelTlsText !== undefined && !/^(true|false)$/.test(sentinelTlsText))
    return 'sentinelTls must be true or false';
  return {
    kind: 'sentinel',
    tls,
    sentinels: hosts,
    masterName,
    db: segments.length === 2 ? Number(segments[1]) : 0,
    username,
    password,
    sentinelUsername: nonEmpty(params.get('sentinelUsername')),
    sentinelPassword: nonEmpty(params.get('sentinelPassword')),
    sentinelTls: sentinelTlsText === undefined ? tls : sentinelTlsText === 'true',
  };
}

function decodeCredentials(userinfo: string): { username: string | null; password: string | null } | string {
  const colon = userinfo.indexOf(':');
  const user = decode(colon === -1 ? userinfo : userinfo.slice(0, colon));
  const password = colon === -1 ? '' : decode(userinfo.slice(colon + 1));
  if (user === null || password === null)
    return 'the user or password has a malformed %-escape (encode it with encodeURIComponent)';
  // `redis+…://token@host` is a password on its own, as ioredis reads `redis://token@host` for a single server.
  if (colon === -1) return { username: null, password: nonEmpty(user) };
  return { username: nonEmpty(user), password: nonEmpty(password) };
}

function parseHosts(list: string, defaultPort: number): RedisHost[] | string {
  if (list === '') return 'no host is given';
  const hosts: RedisHost[] = [];
  for (const item of list.split(',')) {
    let host: string;
    let portText: string | undefined;
    if (item.startsWith('[')) {
      const close = item.indexOf(']');
      if (close === -1) return `"${item}" opens an IPv6 bracket it does not close`;
      host = item.slice(1, close);
      const after = item.slice(close + 1);
      if (after !== '' && !after.startsWith(':')) return `"${item}" has text after its IPv6 address`;
      portText = after === '' ? undefined : after.slice(1);
    } else {
      const parts = item.split(':');
      if (parts.length > 2) return `"${item}" looks like an IPv6 address: put it in brackets ([::1]:${defaultPort})`;
      [host = '', portText] = parts;
    }
    if (host === '' || /[\s[\]@]/.test(host)) return `"${item}" is not a host[:port]`;
    const port = portText === undefined ? defaultPort : Number(portText);
    if (portText !== undefined && (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535))
      return `"${item}" has no valid port (1-65535)`;
    hosts.push({ host, port });
  }
  return hosts;
}

function parseQuery(query: string): Map<string, string> | string {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq === -1 ? pair : pair.slice(0, eq));
    // "+" stays a plus: these are URI components, not form data, so a password may hold one unencoded.
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1));
    if (name === null || value === null) return 'a parameter has a malformed %-escape';
    if (params.has(name)) return `parameter "${name}" is given twice`;
    params.set(name, value);
  }
  return params;
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function nonEmpty(text: string | null | undefined): string | null {
  return text === undefined || text === null || text === '' ? null : text;
}
