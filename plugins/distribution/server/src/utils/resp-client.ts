import net from 'net';

/**
 * A minimal Redis (RESP2) client with the shape of Bun's RedisClient (`send`, `connected`,
 * `onconnect`/`onclose`/`onerror`, `connect`, `close`, `duplicate`), which BullMQ 6 adapts natively.
 * BullMQ's usual driver, ioredis, is an optional peer that this app does not install; this keeps
 * the queue usable with the dependencies we have. Commands are pipelined in order on one socket.
 */
export interface RespOptions {
  host: string;
  port: number;
  password?: string;
  username?: string;
  db?: number;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

class ParseIncomplete extends Error {}

const parse = (buffer: Buffer, offset: number): { value: unknown; next: number } => {
  if (offset >= buffer.length) throw new ParseIncomplete();
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) throw new ParseIncomplete();
  const type = String.fromCharCode(buffer[offset]);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const after = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, next: after };
    case '-': {
      const error = new Error(line);
      return { value: error, next: after };
    }
    case ':':
      return { value: Number(line), next: after };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next: after };
      if (buffer.length < after + length + 2) throw new ParseIncomplete();
      return { value: buffer.toString('utf8', after, after + length), next: after + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, next: after };
      const items: unknown[] = [];
      let next = after;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, next);
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new Error(`unexpected RESP type ${JSON.stringify(type)}`);
  }
};

const encode = (command: string, args: unknown[]) => {
  const parts = [command, ...args].map((a) => (Buffer.isBuffer(a) ? a : Buffer.from(a === undefined || a === null ? '' : String(a))));
  const chunks: Buffer[] = [Buffer.from(`*${parts.length}\r\n`)];
  for (const part of parts) chunks.push(Buffer.from(`$${part.length}\r\n`), part, Buffer.from('\r\n'));
  return Buffer.concat(chunks);
};

export class RespClient {
  connected = false;
  onconnect: (() => void) | null = null;
  onclose: ((error?: Error) => void) | null = null;
  onerror: ((error: Error) => void) | null = null;
  private socket: net.Socket | null = null;
  private queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private connecting: Promise<void> | null = null;

  constructor(readonly options: RespOptions) {}

  get url() {
    return `redis://${this.options.host}:${this.options.port}`;
  }

  connect(): Promise<void> {
    if (this.connected) return Promise.resolve();
    if (this.connecting) return this.connecting;
    this.connecting = new Promise<void>((resolve, reject) => {
      const socket = net.connect(this.options.port, this.options.host);
      socket.setNoDelay(true);
      socket.once('connect', async () => {
        this.socket = socket;
        this.connected = true;
        try {
          if (this.options.password) await this.send('AUTH', this.options.username ? [this.options.username, this.options.password] : [this.options.password]);
          if (this.options.db) await this.send('SELECT', [String(this.options.db)]);
          this.onconnect?.();
          resolve();
        } catch (error) {
          reject(error);
        }
      });
      socket.on('data', (chunk) => this.receive(chunk));
      socket.once('error', (error) => {
        if (!this.connected) reject(error);
        this.onerror?.(error);
      });
      socket.once('close', () => {
        const wasConnected = this.connected;
        this.connected = false;
        this.socket = null;
        const error = new Error('Connection closed');
        for (const pending of this.queue.splice(0)) pending.reject(error);
        if (wasConnected) this.onclose?.(error);
      });
    }).finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private receive(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let offset = 0;
    while (offset < this.buffer.length) {
      let parsed;
      try {
        parsed = parse(this.buffer, offset);
      } catch (error) {
        if (error instanceof ParseIncomplete) break;
        this.onerror?.(error as Error);
        this.socket?.destroy();
        return;
      }
      offset = parsed.next;
      const pending = this.queue.shift();
      if (!pending) continue;
      if (parsed.value instanceof Error) pending.reject(parsed.value);
      else pending.resolve(parsed.value);
    }
    this.buffer = offset >= this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(offset);
  }

  send(command: string, args: unknown[] = []): Promise<any> {
    if (!this.socket || !this.connected) return Promise.reject(new Error('Connection is closed.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.socket!.write(encode(command, args));
    });
  }

  close() {
    this.socket?.end();
    this.socket?.destroy();
  }

  disconnect() {
    this.close();
  }

  async duplicate() {
    const copy = new RespClient(this.options);
    await copy.connect();
    return copy;
  }
}
