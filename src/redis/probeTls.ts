import net from 'node:net';
import tls from 'node:tls';
import type { RedisHost } from './parseRedisUrl.ts';

/**
 * The reason a TLS handshake with host:port fails (an untrusted certificate, a server that does not speak TLS…),
 * or null when it succeeds or the host does not answer. ioredis reports such failures of sentinel and cluster
 * connections only as "Connection is closed"; this asks again, to say what actually went wrong.
 */
export async function probeTls({ host, port }: RedisHost, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port, ...(net.isIP(host) === 0 ? { servername: host } : {}) });
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    socket.once('secureConnect', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done(/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ETIMEDOUT/.test(error.code ?? '') ? null : error.message),
    );
  });
}
