import net from 'node:net';
import tls from 'node:tls';
import { once } from 'node:events';
import { AlmanacError } from '../errors/AlmanacError.ts';
import { encodeRespCommand, respBytes } from '../redis/encodeRespCommand.ts';
import { redactUrl } from '../util/redactUrl.ts';

const CHUNK_CHARS = 1 << 20;
const MAX_IN_FLIGHT = 100_000;
const CR = 13;

/**
 * A write-only Redis connection for bulk loading: commands are encoded to RESP by hand, written in 1 MB chunks,
 * and replies are only counted (and checked for errors). This is what `redis-cli --pipe` does; it is several times
 * faster than a general client for millions of small writes because no per-command objects or promises exist.
 * At most MAX_IN_FLIGHT commands await replies, so memory stays bounded on both sides.
 */
export class RespConnection {
  private readonly socket: net.Socket;
  private chunk = '';
  private sent = 0;
  private received = 0;
  private pending = Buffer.alloc(0);
  private error: Error | null = null;
  private waiter: (() => void) | null = null;
  private readonly url: string;

  private constructor(socket: net.Socket, url: string) {
    this.socket = socket;
    this.url = url;
    socket.on('data', (data: Buffer) => this.onData(data));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static async open(url: string): Promise<RespConnection> {
    const u = new URL(url);
    const port = Number(u.port || 6379);
    const host = u.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1'; // IPv6 without its brackets
    const socket =
      u.protocol === 'rediss:'
        ? // SNI takes host names only (RFC 6066): Node warns about an IP address there.
          tls.connect({ host, port, ...(net.isIP(host) === 0 ? { servername: host } : {}) })
        : net.connect({ host, port });
    try {
      await once(socket, u.protocol === 'rediss:' ? 'secureConnect' : 'connect');
    } catch (error) {
      socket.destroy();
      throw new AlmanacError('RedisUnavailable', `Cannot connect to ${redactUrl(url)}: ${String(error)}.`, {
        cause: error,
      });
    }
    socket.setNoDelay(true);
    const connection = new RespConnection(socket, url);
    const password = decodeURIComponent(u.password);
    const user = decodeURIComponent(u.username);
    if (password !== '') connection.command(user !== '' ? ['AUTH', user, password] : ['AUTH', password]);
    const db = Number(u.pathname.slice(1) || 0);
    if (db !== 0) connection.command(['SELECT', String(db)]);
    await connection.flush();
    return connection;
  }

  /** Queues one command; call `drain()` regularly and `flush()` at the end. */
  command(args: readonly string[]): void {
    this.chunk += encodeRespCommand(args);
    this.sent++;
  }

  /** Writes the chunk when it is big enough; waits when too many replies are outstanding or the socket is full. */
  async drain(): Promise<void> {
    if (this.chunk.length < CHUNK_CHARS) return;
    await this.write();
    if (this.sent - this.received > MAX_IN_FLIGHT) await this.until(this.sent - MAX_IN_FLIGHT / 2);
  }

  /** Writes everything and waits for every reply; throws the first error Redis returned. */
  async flush(): Promise<void> {
    await this.write();
    await this.until(this.sent);
    if (this.error) throw this.error;
  }

  get commands(): number {
    return this.sent;
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.end();
  }

  private async write(): Promise<void> {
    if (this.error) throw this.error;
    if (this.chunk === '') return;
    const data = respBytes(this.chunk);
    this.chunk = '';
    if (!this.socket.write(data)) await once(this.socket, 'drain');
  }

  private async until(count: number): Promise<void> {
    while (this.received < count && this.error === null) {
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
    if (this.error) throw this.error;
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }

  private fail(error: Error): void {
    if (this.error === null && (this.received < this.sent || !error.message.includes('closed'))) {
      this.error = new AlmanacError(
        'SimulateRedisWrite',
        `Writing to ${redactUrl(this.url)} failed: ${error.message}`,
        { cause: error },
      );
    }
    this.wake();
  }

  /** Counts complete replies in the buffer; keeps a partial reply for the next chunk. */
  private onData(data: Buffer): void {
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, data]) : data;
    let pos = 0;
    for (;;) {
      // Most replies are `:n` or `+OK`: one line, no payload.
      const type = buf[pos];
      if (type === 0x3a || type === 0x2b) {
        const lineEnd = buf.indexOf(CR, pos);
        if (lineEnd < 0 || lineEnd + 1 >= buf.length) break;
        pos = lineEnd + 2;
        this.received++;
        continue;
      }
      const end = skipReply(buf, pos);
      if (end < 0) break;
      if (buf[pos] === 0x2d && this.error === null) {
        const message = buf.toString('utf8', pos + 1, buf.indexOf(CR, pos));
        this.error = new AlmanacError('SimulateRedisWrite', `Redis refused a simulated write: ${message}`);
      }
      pos = end;
      this.received++;
    }
    this.pending = pos < buf.length ? Buffer.from(buf.subarray(pos)) : Buffer.alloc(0);
    if (this.waiter) this.wake();
  }
}

/** The offset just past the RESP reply starting at pos, or -1 when the buffer does not hold all of it yet. */
function skipReply(buf: Buffer, pos: number): number {
  if (pos >= buf.length) return -1;
  const lineEnd = buf.indexOf(CR, pos);
  if (lineEnd < 0 || lineEnd + 1 >= buf.length) return -1;
  const type = buf[pos];
  const next = lineEnd + 2;
  if (type === 0x24) {
    const len = Number(buf.toString('latin1', pos + 1, lineEnd));
    if (len < 0) return next;
    return next + len + 2 <= buf.length ? next + len + 2 : -1;
  }
  if (type === 0x2a) {
    const count = Number(buf.toString('latin1', pos + 1, lineEnd));
    let p = next;
    for (let i = 0; i < count; i++) {
      p = skipReply(buf, p);
      if (p < 0) return -1;
    }
    return p;
  }
  return next;
}
