import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../apps/cli/dist/main.js', import.meta.url));

/** `vetted <command>` as a user runs it: the built CLI in its own process. */
export class VettedProcess {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static run(command: string, env: Record<string, string>): VettedProcess {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" (npm test does) before the e2e tests`);
    const child = spawn(process.execPath, [CLI, command], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    return new VettedProcess(child);
  }

  get log(): string {
    return this.output;
  }

  /** Resolves once GET /health answers 200; fails early, with the log, if the process exits. */
  async waitUntilHealthy(baseUrl: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitedWith: number | null | undefined;
    void this.exited.then((code) => (exitedWith = code));
    while (Date.now() < deadline) {
      if (exitedWith !== undefined) throw new Error(`vetted exited (${exitedWith}) before it was healthy:\n${this.output}`);
      try {
        if ((await fetch(`${baseUrl}/health`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`vetted was not healthy after ${timeoutMs} ms:\n${this.output}`);
  }

  exit(): Promise<number | null> {
    return this.exited;
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
