import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Answer = (request: ReceivedRequest, response: http.ServerResponse) => void;

/** A webhook receiver on loopback that records every request and answers as the test says (200 by default). */
export class TestReceiver {
  readonly requests: ReceivedRequest[] = [];
  answer: Answer = (_request, response) => response.end('ok');

  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  /** On `port` when given: a receiver that comes back where it was. */
  static async start(port = 0): Promise<TestReceiver> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    const receiver = new TestReceiver(server, (server.address() as AddressInfo).port);
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        receiver.requests.push(received);
        receiver.answer(received, response);
      });
    });
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
