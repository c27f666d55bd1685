import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { waitFor } from './wait-for.js';

/** A built Vetted entry point (`vetted start`, the API, a worker) in its own Node process, its output kept. */
export class AppProcess {
  private output = '';
  private ended: string | undefined;
  /** The exit code, or the signal that ended it. */
  readonly exited: Promise<string>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.ended = signal ?? String(code);
        resolve(this.ended);
      }),
    );
  }

  static start(name: string, script: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): AppProcess {
    if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" (npm test does) first`);
    const child = spawn(process.execPath, [script, ...args], { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    return new AppProcess(name, child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get log(): string {
    return this.output;
  }

  /** Resolves once GET /health answers 200; fails at once, with the output, if the process ends first. */
  async waitUntilHealthy(baseUrl: string, timeoutMs = 120_000): Promise<void> {
    await waitFor(
      `${this.name} healthy at ${baseUrl}`,
      async () => {
        if (this.ended !== undefined) throw new Error(`${this.name} ended (${this.ended}) before it was healthy:\n${this.output}`);
        const status = await fetch(`${baseUrl}/health`).then(
          (response) => response.status,
          () => 0, // not listening yet
        );
        return status === 200 ? true : undefined;
      },
      timeoutMs,
      250,
    );
  }

  /** Resolves with the first match of `pattern` in the output. */
  async waitForLog(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    return waitFor(
      `"${pattern.source}" in the output of ${this.name}`,
      () => Promise.resolve(this.output.match(pattern) ?? undefined),
      timeoutMs,
    );
  }

  kill(signal: NodeJS.Signals): void {
    if (this.ended === undefined) this.child.kill(signal);
  }

  /** SIGTERM, then the exit code (or signal). */
  async stop(): Promise<string> {
    this.kill('SIGTERM');
    return this.exited;
  }
}
