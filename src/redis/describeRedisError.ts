import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import { redactSecretsIn, redactUrl } from '../util/redactUrl.ts';

const TLS_FAILURE = /self.signed|certificate|SSL|TLS|wrong version number|EPROTO/i;
const TLS_HINT =
  'Use rediss… only for TLS servers, and make sure this machine trusts the server certificate (a private CA: NODE_EXTRA_CA_CERTS=/path/ca.pem).';

/**
 * Turns a connection failure into what happened at which address (password hidden) and what to do.
 * `details` are the per-sentinel or per-node failures ioredis reported on the way (Sentinel and Cluster URLs).
 */
export function describeRedisError(error: unknown, url: string, details: readonly string[] = []): AlmanacError {
  const where = redactUrl(url);
  const raw = errorMessage(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const text = `${code} ${raw}`;
  const topology = /^rediss?\+(sentinel|cluster):/i.exec(url)?.[1]?.toLowerCase();
  if (topology === 'sentinel') {
    const found = describeSentinelError(error, text, where, details);
    if (found) return found;
  }
  if (topology === 'cluster') {
    const found = describeClusterError(error, where, details);
    if (found) return found;
  }
  if (/ECONNREFUSED/.test(text)) {
    return new AlmanacError('RedisUnreachable', `Redis at ${where} refused the connection: nothing listens there.`, {
      hint: "Start Redis (redis-server) or fix the host and port in the source's redisUrl / --redis.",
      cause: error,
    });
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) {
    return new AlmanacError(
      'RedisUnreachable',
      `Redis at ${where} cannot be reached: the host name does not resolve.`,
      {
        hint: 'Check the host name in the Redis URL.',
        cause: error,
      },
    );
  }
  if (/ETIMEDOUT|timed? ?out/i.test(text)) {
    return new AlmanacError('RedisTimeout', `Redis at ${where} did not answer in time.`, {
      hint: 'Check that the address is right and that no firewall drops the connection; a busy Redis may need a retry.',
      cause: error,
    });
  }
  if (/NOAUTH|WRONGPASS|invalid password|invalid username-password/i.test(text)) {
    return new AlmanacError('RedisAuthFailed', `Redis at ${where} refused the credentials.`, {
      hint: 'Put the right user and password in the URL, preferably through an environment variable: "${REDIS_URL}".',
      cause: error,
    });
  }
  if (TLS_FAILURE.test(text)) {
    return new AlmanacError(
      'RedisTlsFailed',
      `The TLS handshake with Redis at ${where} failed: ${redactSecretsIn(raw)}.`,
      {
        hint: TLS_HINT,
        cause: error,
      },
    );
  }
  return new AlmanacError('RedisFailed', `Redis at ${where} failed: ${redactSecretsIn(raw)}.`, {
    hint: 'Check the Redis server log and the URL; run `almanac doctor` for a quick check.',
    cause: error,
  });
}

function describeSentinelError(
  error: unknown,
  text: string,
  where: string,
  sentinelErrors: readonly string[],
): AlmanacError | null {
  const all = `${text} ${sentinelErrors.join(' ')}`;
  if (!/All sentinels are unreachable/.test(text)) {
    // The sentinels answered; what failed is the master they named.
    if (/ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|timed? ?out/i.test(text)) {
      return new AlmanacError(
        'RedisUnreachable',
        `The master that the sentinels at ${where} name did not accept the connection (${redactSecretsIn(errorMessage(error)).replace(/\.+$/, '')}).`,
        {
          hint: 'A failover may be under way: the next run asks the sentinels again. If it lasts, check the master with `SENTINEL get-master-addr-by-name <master>` on a sentinel.',
          cause: error,
        },
      );
    }
    return null;
  }
  const details = sentinelErrors.length > 0 ? sentinelErrors.join('; ') : text;
  if (TLS_FAILURE.test(all)) {
    return new AlmanacError(
      'RedisTlsFailed',
      `The TLS handshake with the sentinels at ${where} failed (${redactSecretsIn(sentinelErrors.find((e) => TLS_FAILURE.test(e)) ?? details).replace(/\.+$/, '')}).`,
      { hint: `${TLS_HINT} Sentinels without TLS: add ?sentinelTls=false.`, cause: error },
    );
  }
  if (/No such master/i.test(details)) {
    return new AlmanacError('RedisSentinelNoMaster', `The sentinels at ${where} know no master by that name.`, {
      hint: 'Fix the master name after the hosts (redis+sentinel://host:26379/<master>); `SENTINEL MASTERS` on a sentinel lists them.',
      cause: error,
    });
  }
  if (/NOAUTH|WRONGPASS|invalid password|invalid username-password/i.test(details)) {
    return new AlmanacError('RedisAuthFailed', `The sentinels at ${where} refused the credentials.`, {
      hint: "Sentinels have their own password: pass it as ?sentinelPassword=… (and ?sentinelUsername=…), percent-encoded; the user:password before the hosts is the master's.",
      cause: error,
    });
  }
  return new AlmanacError(
    'RedisUnreachable',
    `None of the sentinels at ${where} answered: ${redactSecretsIn(details).replace(/\.+$/, '')}.`,
    {
      hint: 'Check the sentinel hosts and ports (26379 unless given) and that the sentinels run.',
      cause: error,
    },
  );
}

function describeClusterError(error: unknown, where: string, nodeErrors: readonly string[]): AlmanacError | null {
  const last = (error as { lastNodeError?: unknown } | undefined)?.lastNodeError;
  const text = `${errorMessage(error)} ${last === undefined ? '' : errorMessage(last)} ${nodeErrors.join(' ')}`;
  if (!/Failed to refresh slots cache|None of startup nodes/i.test(text)) return null;
  if (TLS_FAILURE.test(text)) {
    const first = nodeErrors.find((e) => TLS_FAILURE.test(e)) ?? text;
    return new AlmanacError(
      'RedisTlsFailed',
      `The TLS handshake with the Redis Cluster at ${where} failed (${redactSecretsIn(first.trim()).replace(/\.+$/, '')}).`,
      { hint: TLS_HINT, cause: error },
    );
  }
  if (/cluster support disabled/i.test(text)) {
    return new AlmanacError('RedisNotCluster', `Redis at ${where} is not a Redis Cluster.`, {
      hint: 'Use redis:// (or rediss://) for a single server, redis+sentinel:// for a Sentinel-managed one.',
      cause: error,
    });
  }
  if (/NOAUTH|WRONGPASS|invalid password|invalid username-password/i.test(text)) {
    return new AlmanacError('RedisAuthFailed', `The Redis Cluster at ${where} refused the credentials.`, {
      hint: 'Put the right user and password in the URL, preferably through an environment variable: "${REDIS_URL}".',
      cause: error,
    });
  }
  const cause = nodeErrors[0] ?? (last === undefined ? undefined : errorMessage(last));
  const reason = cause === undefined ? '' : `: ${redactSecretsIn(cause).replace(/\.+$/, '')}`;
  return new AlmanacError(
    'RedisUnreachable',
    `None of the startup nodes of the Redis Cluster at ${where} answered${reason}.`,
    {
      hint: 'Check the node hosts and ports in the redis+cluster:// URL and that the cluster is up (`CLUSTER INFO` says cluster_state:ok).',
      cause: error,
    },
  );
}
