import { AlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import { redactSecretsIn, redactUrl } from '../util/redactUrl.ts';

/** Turns a connection failure into what happened at which address (password hidden) and what to do. */
export function describeRedisError(error: unknown, url: string): AlmanacError {
  const where = redactUrl(url);
  const raw = errorMessage(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const text = `${code} ${raw}`;
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
  if (/self.signed|certificate|SSL|TLS/i.test(text)) {
    return new AlmanacError(
      'RedisTlsFailed',
      `The TLS handshake with Redis at ${where} failed: ${redactSecretsIn(raw)}.`,
      {
        hint: 'Use rediss:// only for TLS servers, and make sure the server certificate is trusted by this machine.',
        cause: error,
      },
    );
  }
  return new AlmanacError('RedisFailed', `Redis at ${where} failed: ${redactSecretsIn(raw)}.`, {
    hint: 'Check the Redis server log and the URL; run `almanac doctor` for a quick check.',
    cause: error,
  });
}
