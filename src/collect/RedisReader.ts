import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { BulkReadConnection } from '../redis/BulkReadConnection.ts';
import { describeRedisError } from '../redis/describeRedisError.ts';
import { RespReplyError } from '../redis/RespReplyParser.ts';
import { redactUrl } from '../util/redactUrl.ts';

export type RedisCommand = [name: string, ...args: (string | number)[]];
export type CommandResult = { error: Error; value?: undefined } | { error: null; value: unknown };
/** The fields of one hash, in the order asked for (null where unset), or why the key could not be read. */
export type HashFieldsResult = (string | null)[] | Error;

/**
 * The only commands a collector may send: reads that never block and never touch every key at once. KEYS, every
 * write and every blocking command (XREAD BLOCK, BLPOP…) are absent, so a bug cannot turn a collection pass
 * into load or damage on a production Redis.
 */
const READ_ONLY = new Set([
  'scan',
  'hscan',
  'hgetall',
  'hget',
  'hmget',
  'hlen',
  'hkeys',
  'zcard',
  'zrange',
  'zrangebyscore',
  'zscore',
  'llen',
  'lindex',
  'lrange',
  'xrange',
  'xinfo',
  'get',
  'mget',
  'type',
  'ttl',
  'pttl',
  'exists',
  'scard',
  'ping',
  'info',
  'client',
]);

const CONNECTION_LOST = /Connection is closed|ECONNRESET|EPIPE|Stream isn't writeable|socket (hang up|closed)|ended/i;

/** How long one call (a SCAN page, a whole pipeline) may take before the pass fails as RedisTimeout. */
const CALL_TIMEOUT_MS = 30_000;

/**
 * A read-only, error-translating view of an ioredis client (single node or Cluster). It times out whole calls
 * itself, so the client should be opened without a per-command timeout: ioredis arms a timer for every command of
 * a pipeline, which costs a backlog catch-up about a quarter of its CPU.
 */
export class RedisReader {
  private readonly client: Redis | Cluster;
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly bulk: BulkReadConnection | null;

  /**
   * `bulk`, when given, is a second connection to the same server that carries readHashFields (a backlog's
   * bulk of reads); everything else goes through `client`.
   */
  constructor(
    client: Redis | Cluster,
    url: string,
    options: { timeoutMs?: number; bulk?: BulkReadConnection | null } = {},
  ) {
    this.client = client;
    this.url = url;
    this.timeoutMs = options.timeoutMs ?? CALL_TIMEOUT_MS;
    this.bulk = options.bulk ?? null;
  }

  /** Iterates SCAN MATCH pattern (all masters of a Cluster) one reply at a time; the cursor lets a caller resume. */
  async *scan(
    pattern: string,
    count: number,
    from = '0:0',
  ): AsyncGenerator<{ keys: string[]; cursor: string; done: boolean }> {
    const nodes = this.nodes();
    let [nodeIndex, cursor] = parseCursor(from);
    for (; nodeIndex < nodes.length; nodeIndex++, cursor = '0') {
      const node = nodes[nodeIndex]!;
      do {
        const [next, keys] = await this.guard(() => node.scan(cursor, 'MATCH', pattern, 'COUNT', count));
        cursor = next;
        const last = cursor === '0' && nodeIndex === nodes.length - 1;
        yield { keys, cursor: last ? 'done' : `${cursor === '0' ? nodeIndex + 1 : nodeIndex}:${cursor}`, done: last };
      } while (cursor !== '0');
    }
  }

  /** Iterates a hash with HSCAN, one [field, value, field, value…] page at a time. */
  async *hscan(key: string, count: number): AsyncGenerator<string[]> {
    let cursor = '0';
    do {
      const [next, flat] = await this.guard(() => this.client.hscan(key, cursor, 'COUNT', count));
      cursor = next;
      yield flat;
    } while (cursor !== '0');
  }

  async call<T = unknown>(...command: RedisCommand): Promise<T> {
    const [name, ...args] = checked(command);
    if (name === 'info' && isCluster(this.client)) return (await this.clusterInfo(args)) as T;
    return (await this.guard(() => this.client.call(name, ...args))) as T;
  }

  /**
   * A keyless command on every server (every master of a Cluster, in a stable order; the one server otherwise),
   * one reply each: what a Cluster would otherwise answer from one random node.
   */
  async callEach<T = unknown>(...command: RedisCommand): Promise<T[]> {
    const [name, ...args] = checked(command);
    return this.guard(() => Promise.all(this.nodes().map((node) => node.call(name, ...args) as Promise<T>)));
  }

  /**
   * Sends commands in one pipeline (the caller bounds their number). A command that fails on its own (WRONGTYPE)
   * comes back as its error; losing the connection fails the whole batch.
   */
  async batch(commands: readonly RedisCommand[]): Promise<CommandResult[]> {
    if (commands.length === 0) return [];
    for (const command of commands) checked(command);
    const replies = await this.guard(async () => {
      if (isCluster(this.client)) {
        // A Cluster pipeline must stay on one node; independent calls are auto-routed instead.
        return Promise.all(
          commands.map(([name, ...args]) =>
            (this.client[name as 'get'] as (...a: unknown[]) => Promise<unknown>).apply(this.client, args).then(
              (value) => [null, value] as [null, unknown],
              (error: Error) => [error, undefined] as [Error, undefined],
            ),
          ),
        );
      }
      const result = await this.client.pipeline(commands.map((c) => [...c])).exec();
      return (result ?? []) as [Error | null, unknown][];
    });
    return replies.map(([error, value]) => {
      if (error && CONNECTION_LOST.test(error.message)) throw this.translate(error);
      return error ? { error } : { error: null, value };
    });
  }

  /**
   * HMGET of the same fields from each key, as one pipeline (the caller bounds the keys): on the bulk connection
   * when there is one, else as batch() does. A key that is not a hash comes back as its error.
   */
  async readHashFields(keys: readonly string[], fields: readonly string[]): Promise<HashFieldsResult[]> {
    if (keys.length === 0) return [];
    const bulk = this.bulk;
    if (bulk === null) {
      const replies = await this.batch(keys.map((key) => ['hmget', key, ...fields]));
      return replies.map((reply) => reply.error ?? hashFieldsOf(reply.value));
    }
    const replies = await this.guard(() => bulk.sendPerKey('HMGET', keys, fields));
    return replies.map((reply) => (reply instanceof RespReplyError ? reply : hashFieldsOf(reply)));
  }

  /** Masters sorted by address, so a saved `node:cursor` SCAN position means the same node on the next pass. */
  private nodes(): Redis[] {
    if (!isCluster(this.client)) return [this.client];
    return this.client
      .nodes('master')
      .map((node) => ({ node, address: `${node.options.host ?? ''}:${node.options.port ?? 0}` }))
      .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0))
      .map(({ node }) => node);
  }

  /**
   * INFO on a Cluster answers for the whole cluster: the masters' replies in address order, headed by a `run_id`
   * that digests every master's address and run_id. A full scan saves that run_id with its cursor, so it resumes
   * only when the same masters (none restarted or failed over) hold the same slots; anything else starts over.
   */
  private async clusterInfo(args: (string | number)[]): Promise<string> {
    const nodes = this.nodes();
    const replies = await this.guard(() =>
      Promise.all(nodes.map((node) => node.call('info', ...args) as Promise<string>)),
    );
    const identity = nodes
      .map(
        (node, i) =>
          `${node.options.host ?? ''}:${node.options.port ?? 0}=${/run_id:(\w+)/.exec(replies[i]!)?.[1] ?? ''}`,
      )
      .join(',');
    const runId = createHash('sha1').update(identity).digest('hex');
    return [`run_id:${runId}`, ...replies].join('\r\n');
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Command timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    const call = operation();
    // Once timed out, the call's own failure (the pass disconnects) has nobody left to hear it.
    call.catch(() => undefined);
    try {
      return await Promise.race([call, expired]);
    } catch (error) {
      throw this.translate(error);
    } finally {
      clearTimeout(timer);
    }
  }

  private translate(error: unknown): AlmanacError {
    if (error instanceof AlmanacError) return error;
    if (CONNECTION_LOST.test(errorMessage(error))) {
      return new AlmanacError(
        'RedisConnectionLost',
        `The connection to Redis at ${redactUrl(this.url)} was lost during collection.`,
        {
          hint: 'Nothing partial was written: every unit commits with its checkpoint, so the next run resumes where this one stopped.',
          cause: error,
        },
      );
    }
    return describeRedisError(error, this.url);
  }
}

function checked(command: readonly (string | number)[]): [string, ...(string | number)[]] {
  const name = String(command[0]).toLowerCase();
  if (!READ_ONLY.has(name))
    throw new Error(`the collector must not send ${name.toUpperCase()} (read-only commands only)`);
  if (name === 'client' && String(command[1]).toLowerCase() !== 'list') {
    throw new Error('the collector may only send CLIENT LIST');
  }
  return [name, ...command.slice(1)];
}

function hashFieldsOf(value: unknown): HashFieldsResult {
  if (Array.isArray(value) && value.every((item) => item === null || typeof item === 'string')) {
    return value as (string | null)[];
  }
  return new Error(`HMGET answered ${JSON.stringify(value)?.slice(0, 80)}, not a list of fields`);
}

function isCluster(client: Redis | Cluster): client is Cluster {
  return (client as Cluster).isCluster === true;
}

function parseCursor(from: string): [number, string] {
  const match = /^(\d+):(\d+)$/.exec(from);
  return match ? [Number(match[1]), match[2]!] : [0, '0'];
}
