// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
export type Json = any;

/** The Vetted API over HTTP with one key; `call` fails loudly on any status but the expected ones. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly key: string,
  ) {}

  as(key: string): ApiClient {
    return new ApiClient(this.baseUrl, key);
  }

  /** Status and parsed body, whatever the status. */
  async request(method: string, url: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${this.key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async call(method: string, url: string, body?: unknown, expected = [200, 201, 202, 204]): Promise<Json> {
    const answer = await this.request(method, url, body);
    if (!expected.includes(answer.status)) throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async upload(url: string, bytes: Buffer): Promise<void> {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    if (response.status !== 201) throw new Error(`PUT ${url} answered ${response.status}: ${await response.text()}`);
  }

  async download(url: string): Promise<Buffer> {
    const response = await fetch(`${this.baseUrl}${url}`, { headers: { authorization: `Bearer ${this.key}` } });
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    return Buffer.from(await response.arrayBuffer());
  }
}
