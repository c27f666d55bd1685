import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlpModel } from '../test/onnx-model.js';
import type { AirgapInput, AirgapReport } from './support/airgap-scenario.js';
import { leavesLoopback, type NetworkRecord, readNetworkLog, recorderNodeOptions } from './support/network-log.js';

const CLI = fileURLToPath(new URL('../apps/cli/dist/main.js', import.meta.url));
const SCENARIO = fileURLToPath(new URL('./support/airgap-scenario.ts', import.meta.url));
const REPO = 'airgap-org/tiny-onnx';

/** The Vetted processes of one `vetted start`, by the script each runs. */
const VETTED_SCRIPTS = {
  cli: 'apps/cli/dist/main.js',
  api: 'apps/api/dist/main.js',
  worker: 'apps/worker/dist/main.js',
  benchmarkRunner: 'libs/inference/dist/benchmark-child.js',
};

/** Fails (never skips) where network namespaces cannot be made: CI runs the tests as root, where they can. */
async function requireNetworkNamespace(): Promise<void> {
  try {
    await promisify(execFile)('unshare', ['-n', 'ip', 'link', 'set', 'lo', 'up']);
  } catch (error) {
    throw new Error(
      `The air-gap test runs Vetted in a network namespace with only loopback and needs "unshare -n" and "ip" (iproute2) as root; here: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The driver is TypeScript: bundled into one plain ES module that Node runs inside the namespace. */
async function bundleScenario(outfile: string): Promise<void> {
  await build({
    entryPoints: [SCENARIO],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    // Bundled CommonJS dependencies call require() for Node's built-in modules.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
}

function runInNamespace(script: string, inputFile: string): Promise<void> {
  const child = spawn('unshare', ['-n', '--', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, script, inputFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) =>
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`the air-gapped scenario failed (${code}):\n${output}`)))),
  );
}

/**
 * Air-gapped for real: `vetted start` on its embedded defaults, a Hub-shaped server, and every client run in
 * a network namespace whose only interface is loopback. A preloaded recorder logs every connection attempt
 * and name lookup of every Vetted process (the CLI, the API and worker it starts, the benchmark runner's
 * children); the test fails on any that is not loopback. The embedded PostgreSQL is a native process that the
 * recorder cannot see: it listens on 127.0.0.1 only and has no Unix socket (libs/db/src/embedded-postgres.ts).
 */
describe('air-gapped: the whole lifecycle with only loopback', () => {
  let workDir: string;
  let report: AirgapReport;
  let records: NetworkRecord[];

  beforeAll(async () => {
    await requireNetworkNamespace();
    workDir = await mkdtemp(path.join(tmpdir(), 'vetted-airgap-'));
    // PostgreSQL runs as the `postgres` user and must be able to walk down to <site>/.vetted/postgres.
    await chmod(workDir, 0o711);
    const siteDir = path.join(workDir, 'site');
    const fixtures = path.join(workDir, 'hub');
    await Promise.all([mkdir(siteDir, { mode: 0o711 }), mkdir(fixtures)]);
    const files: Record<string, Buffer> = {
      'README.md': Buffer.from(
        '---\nlicense: apache-2.0\npipeline_tag: text-classification\n---\n# Tiny ONNX\n\nAn MLP for the air-gap test.\n',
      ),
      'config.json': Buffer.from(
        JSON.stringify({ architectures: ['BertForSequenceClassification'], model_type: 'bert', vocab_size: 1000 }),
      ),
      'model.onnx': mlpModel(16, 2),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(fixtures, name), bytes);
    const logFile = path.join(workDir, 'network.jsonl');
    const input: AirgapInput = {
      cli: CLI,
      siteDir,
      nodeOptions: recorderNodeOptions(logFile),
      repo: {
        id: REPO,
        sha: 'c'.repeat(40),
        files: Object.fromEntries(Object.keys(files).map((name) => [name, path.join(fixtures, name)])),
      },
      reportFile: path.join(workDir, 'report.json'),
    };
    const inputFile = path.join(workDir, 'input.json');
    await writeFile(inputFile, JSON.stringify(input));
    const script = path.join(workDir, 'airgap-scenario.mjs');
    await bundleScenario(script);

    await runInNamespace(script, inputFile);
    report = JSON.parse(await readFile(input.reportFile, 'utf8')) as AirgapReport;
    records = await readNetworkLog(logFile);
  }, 400_000);

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  const pidsOf = (script: string): number[] =>
    records.filter((record) => record.kind === 'process' && record.argv[0]?.endsWith(script)).map((record) => record.pid);

  it('has nothing but loopback: an address outside is unreachable, a name cannot be looked up', () => {
    expect(report.interfaces).toEqual(['lo']);
    expect(report.control.output).toContain('tcp ENETUNREACH');
    expect(report.control.output).toMatch(/dns E[A-Z_]+/);
  });

  it('runs the lifecycle: start on embedded defaults, import, scan, automatic benchmark, approve, stop', async ({ annotate }) => {
    await annotate(`seconds per step: ${report.steps.map((step) => `${step.name} ${step.seconds}`).join('; ')}`);
    expect(report.vettedLog).toContain('starting embedded PostgreSQL');
    expect(report.import.status).toBe('succeeded');
    expect(report.scan.status).toBe('clean');
    expect(report.benchmarks.map((run) => [run.requestedBy, run.file, run.status])).toEqual([['auto', 'model.onnx', 'succeeded']]);
    expect(report.review.decision).toBe('approved');
    expect(report.vettedExit).toBe('0');
  });

  it('serves the approved files to @huggingface/hub through /hf, and the web app', () => {
    expect(report.hfFiles).toEqual(expect.arrayContaining(['README.md', 'config.json', 'model.onnx']));
    expect(report.downloadSha256).toBe(report.expectedSha256);
    expect(report.web).toMatchObject({ status: 200, hasRoot: true, externalUrls: [] });
    expect(Object.keys(report.web.assets).length).toBeGreaterThan(0);
    expect(Object.entries(report.web.assets).filter(([, status]) => status !== 200)).toEqual([]);
  });

  it('recorded every Vetted process, the benchmark runner included, and their connections', () => {
    for (const [name, script] of Object.entries(VETTED_SCRIPTS)) expect(pidsOf(script), name).not.toEqual([]);
    const connected = (pids: number[]) => records.some((record) => record.kind === 'tcp' && pids.includes(record.pid));
    // The API and the worker reach PostgreSQL; the worker reaches the Hub-shaped server too.
    expect(connected(pidsOf(VETTED_SCRIPTS.api))).toBe(true);
    expect(connected(pidsOf(VETTED_SCRIPTS.worker))).toBe(true);
  });

  it('catches a process that tries to leave (the recorder and this check work)', () => {
    const caught = records.filter((record) => record.pid === report.control.pid && leavesLoopback(record));
    expect(caught).toEqual([
      { pid: report.control.pid, kind: 'tcp', host: '10.255.255.1', port: 80 },
      { pid: report.control.pid, kind: 'dns', call: 'lookup', host: 'registry.example.com' },
    ]);
  });

  it('no Vetted process tried to reach anything but loopback', () => {
    const vetted = records.filter((record) => record.pid !== report.control.pid);
    expect(vetted.filter(leavesLoopback)).toEqual([]);
  });
});
