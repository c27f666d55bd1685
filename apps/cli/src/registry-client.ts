/** A running Vetted, reached as its API clients do: `VETTED_URL` (default http://127.0.0.1:$PORT) and `VETTED_TOKEN`. */
export interface RegistryClient {
  url: string;
  token: string;
}

export function registryClient(env: NodeJS.ProcessEnv = process.env): RegistryClient {
  const token = env.VETTED_TOKEN;
  if (!token) throw new Error('Set VETTED_TOKEN to an admin API key of the Vetted to talk to');
  return { url: (env.VETTED_URL ?? `http://127.0.0.1:${env.PORT ?? '3000'}`).replace(/\/$/, ''), token };
}

/** fetch against the registry with the key; a non-2xx answer throws with the problem's detail. */
export async function call(client: RegistryClient, path: string, init: RequestInit & { duplex?: 'half' } = {}): Promise<Response> {
  const response = await fetch(`${client.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${client.token}`, ...(init.headers as Record<string, string> | undefined) },
  });
  if (!response.ok && response.status !== 206) {
    const text = await response.text();
    let detail = text;
    try {
      const problem = JSON.parse(text) as { code?: string; detail?: string };
      detail = `${problem.code ?? response.status}: ${problem.detail ?? text}`;
    } catch {
      // not problem+json: the body as it came
    }
    throw new Error(`${init.method ?? 'GET'} ${path} failed (${response.status}) ${detail}`);
  }
  return response;
}
