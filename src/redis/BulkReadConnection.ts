import { once } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import type { Redis } from 'ioredis';
import { encodeBulkString, encodeRespCommand, respBytes } from './encodeRespCommand.ts';
import { RespReplyParser, RespReplyError, type RespReply } from './RespReplyParser.ts';

interface Pending {
  replies: RespReply[];
  expected: number;
  resolve: (replies: RespReply[]) => void;
  reject: (error: Error) => void;
}

/**
 * A second connection to the server an ioredis client is connected to, for the collector's bulk reads only: a
 * pipeline is encoded in one buffer and its replies parsed straight into values, with none of the per-command
 * objects, promises and string building of a general client. Reading a backlog's job hashes this way takes a
 * third of the main thread's time and half the memory of ioredis pipelines (docs/collector.md, "A bulk
 * connection, smaller units, and the young generation").
 *
 * It speaks to the same address with the same TLS options and credentials as the client it is opened beside, so
 * whatever the URL said (`rediss://`, `?password=`, a database, a Unix socket, the master a Sentinel named) holds
 * for both. It never reconnects: a lost connection fails every pipeline in flight, and the pass with them.
 */
export class BulkReadConnection {
  private readonly socket: net.Socket;
  private readonly parser: RespReplyParser;
  private readonly pending: Pending[] = [];
  private failure: Error | null = null;
  /** Until the handshake is done: a server that refuses a connection (maxclients) says why, then closes it. */
  private opening = true;
  private refusal: RespReplyError | null = null;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    this.parser = new RespReplyParser((reply) => this.onReply(reply));
    socket.on('data', (chunk: Buffer) => {
      try {
        this.parser.push(chunk);
      } catch (error) {
        this.fail(new Error(`Connection is closed: unreadable reply from Redis (${(error as Error).message})`));
      }
    });
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => {
      const said = this.refusal ? ` (Redis said: ${this.refusal.message})` : '';
      this.fail(new Error(`Connection is closed${said}`));
    });
  }

  /**
   * Opens, authenticates and selects the database like `client` did; rejects with the reason it could not, or
   * when all that takes longer than `connectTimeoutMs` (a server that accepts but never answers).
   */
  static async beside(client: Redis, options: { name: string; connectTimeoutMs: number }): Promise<BulkReadConnection> {
    const socket = connectLike(client);
    const timer = setTimeout(
      () => socket.destroy(new Error(`no answer within ${options.connectTimeoutMs} ms`)),
      options.connectTimeoutMs,
    );
    try {
      await once(socket, socket instanceof tls.TLSSocket ? 'secureConnect' : 'connect');
      socket.setNoDelay(true);
      const connection = new BulkReadConnection(socket);
      try {
        await connection.handshake(client, options.name);
      } catch (error) {
        connection.close();
        throw error;
      }
      return connection;
    } catch (error) {
      socket.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Sends the commands as one pipeline and resolves with one reply per command, in order; a command Redis
   * refuses comes back as its RespReplyError. Rejects only when the connection fails. The caller bounds the
   * number of commands, and of pipelines in flight.
   */
  send(commands: readonly (readonly string[])[]): Promise<RespReply[]> {
    let text = '';
    for (const command of commands) text += encodeRespCommand(command);
    return this.write(text, commands.length);
  }

  /**
   * `command key ...args` for every key, as one pipeline, like send. The parts all commands share are encoded once:
   * a backlog's HMGETs repeat the same fifteen field names a million times.
   */
  sendPerKey(command: string, keys: readonly string[], args: readonly string[]): Promise<RespReply[]> {
    const head = `*${args.length + 2}\r\n${encodeBulkString(command)}`;
    const tail = args.map(encodeBulkString).join('');
    // Whether the text is ASCII follows from its parts, measured here anyway, so it is not measured again.
    let ascii = Buffer.byteLength(head + tail) === head.length + tail.length;
    let text = '';
    for (const key of keys) {
      const bytes = Buffer.byteLength(key);
      if (bytes !== key.length) ascii = false;
      text += `${head}$${bytes}\r\n${key}\r\n${tail}`;
    }
    return this.write(text, keys.length, ascii);
  }

  private write(text: string, commands: number, ascii?: boolean): Promise<RespReply[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (commands === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.pending.push({ replies: [], expected: commands, resolve, reject });
      this.socket.write(respBytes(text, ascii));
    });
  }

  close(): void {
    this.fail(new Error('Connection is closed'));
  }

  /**
   * AUTH and SELECT as ioredis sends them for the same options, a name that shows in CLIENT LIST, and a PING that
   * must answer: a server that refuses the connection (maxclients) says so only in reply to a command.
   */
  private async handshake(client: Redis, name: string): Promise<void> {
    const { username, password, db } = client.options;
    const commands: string[][] = [];
    if (username) commands.push(['AUTH', username, password ?? '']);
    else if (password) commands.push(['AUTH', password]);
    const auth = commands.length;
    if (db) commands.push(['SELECT', String(db)]);
    const setName = commands.push(['CLIENT', 'SETNAME', name]) - 1;
    commands.push(['PING']);
    const replies = await this.send(commands);
    replies.forEach((reply, index) => {
      if (!(reply instanceof RespReplyError)) return;
      // What ioredis tolerates: a password given to a server that needs none, and a name it may not set.
      if (index < auth && /no password is set|without any password configured/.test(reply.message)) return;
      if (index === setName) return;
      throw reply;
    });
    this.opening = false;
  }

  private onReply(reply: RespReply): void {
    if (this.opening && reply instanceof RespReplyError) this.refusal ??= reply;
    const head = this.pending[0];
    if (!head) {
      const text = reply instanceof RespReplyError ? `: ${reply.message}` : '';
      this.fail(new Error(`Connection is closed: Redis sent a reply nobody asked for${text}`));
      return;
    }
    head.replies.push(reply);
    if (head.replies.length === head.expected) {
      this.pending.shift();
      head.resolve(head.replies);
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.socket.destroy();
    for (const pending of this.pending.splice(0)) pending.reject(error);
  }
}

/**
 * A socket to where `client` is connected, as its connector would open it: a Unix socket path, or the host and
 * port it was given (so a TLS certificate is checked against the same name), except behind Sentinel, where the
 * master is whatever address the client's socket reached.
 */
function connectLike(client: Redis): net.Socket {
  const options = client.options;
  const stream = client.stream;
  const secure = stream instanceof tls.TLSSocket;
  let address: net.NetConnectOpts;
  if (options.sentinels && options.sentinels.length > 0) {
    if (!stream.remoteAddress || !stream.remotePort) throw new Error('the Sentinel master address is unknown');
    address = { host: stream.remoteAddress, port: stream.remotePort };
  } else if (options.path) {
    address = { path: options.path };
  } else {
    address = {
      host: options.host ?? 'localhost',
      port: options.port ?? 6379,
      ...(options.family ? { family: options.family } : {}),
    };
  }
  return secure ? tls.connect({ ...address, ...options.tls } as tls.ConnectionOptions) : net.connect(address);
}
