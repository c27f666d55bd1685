import { Worker } from 'node:worker_threads';

// Plain CommonJS run with `eval`: no file to resolve, so it works from the build and from the tests' TypeScript sources alike.
const HASHER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', ({ op, id, buffer, length }) => {
  try {
    if (op === 'update') {
      let hash = hashes.get(id);
      if (!hash) hashes.set(id, (hash = createHash('sha256')));
      hash.update(new Uint8Array(buffer, 0, length));
      parentPort.postMessage({});
    } else if (op === 'digest') {
      const hash = hashes.get(id) ?? createHash('sha256');
      hashes.delete(id);
      parentPort.postMessage({ digest: hash.digest('hex') });
    } else {
      hashes.delete(id);
    }
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
`;

interface Pending {
  resolve: (digest: string | undefined) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread per process that computes sha256 digests of bytes in shared memory, so hashing a
 * multi-gigabyte upload runs on a core of its own while the event loop keeps receiving and writing it.
 * The thread answers in the order it is asked, which is how replies find their requests.
 */
class HasherThread {
  private worker: Worker | undefined;
  private readonly pending: Pending[] = [];

  /**
   * Asks `worker`, the thread that holds the hash's state: one that has been replaced since (it died) fails the
   * request, as a fresh thread would silently hash only what comes next.
   */
  request(
    worker: Worker,
    message: { op: 'update' | 'digest'; id: number; buffer?: SharedArrayBuffer; length?: number },
  ): Promise<string | undefined> {
    if (worker !== this.worker) return Promise.reject(new Error('the sha256 thread stopped: this digest is lost'));
    if (this.pending.length === 0) worker.ref(); // a reply is awaited: the process must wait for it
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      worker.postMessage(message);
    });
  }

  forget(worker: Worker, id: number): void {
    if (worker === this.worker) worker.postMessage({ op: 'forget', id });
  }

  /** The thread, started when there is none. */
  started(): Worker {
    if (this.worker) return this.worker;
    // No inherited flags: --heapsnapshot-signal and the like are meant for the process's own thread.
    const worker = new Worker(HASHER_SOURCE, { eval: true, execArgv: [] });
    worker.unref(); // an idle hasher must not keep the process alive; `request` holds it while a reply is due
    worker.on('message', (reply: { digest?: string; error?: string }) => {
      const request = this.pending.shift();
      if (this.pending.length === 0) worker.unref();
      if (reply.error !== undefined) request?.reject(new Error(`sha256 thread: ${reply.error}`));
      else request?.resolve(reply.digest);
    });
    const lost = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const request of this.pending.splice(0)) request.reject(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the sha256 thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }
}

const thread = new HasherThread();
let nextId = 0;

/** A sha256 computed on the hasher thread from shared-memory batches, fed in order. */
export class ThreadedSha256 {
  private readonly id = nextId++;
  private readonly worker = thread.started();

  /** Hashes `length` bytes at the start of `buffer`; the buffer must not change until this resolves. */
  async update(buffer: SharedArrayBuffer, length: number): Promise<void> {
    await thread.request(this.worker, { op: 'update', id: this.id, buffer, length });
  }

  async digest(): Promise<string> {
    const digest = await thread.request(this.worker, { op: 'digest', id: this.id });
    if (digest === undefined) throw new Error('sha256 thread: no digest');
    return digest;
  }

  /** Drops a hash that will never be finished (a failed write). */
  discard(): void {
    thread.forget(this.worker, this.id);
  }
}
