// The air-gap test's driver (e2e/airgap.e2e.test.ts bundles it and runs it inside a network namespace that has
// only loopback): a Hub-shaped server, `vetted start` on its embedded defaults, and the whole lifecycle over
// HTTP. It collects what happened into a report for the test to judge, and fails only when it cannot go on.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { downloadFile, listFiles } from '@huggingface/hub';
import { startTestHub } from '../../test/hub-server.js';
import { ApiClient, type Json } from './api-client.js';
import { AppProcess } from './app-process.js';
import { waitFor } from './wait-for.js';

export interface AirgapInput {
  /** The built `vetted` CLI. */
  cli: string;
  /** Working directory of `vetted start`: its data lands in `<siteDir>/.vetted`, the default. */
  siteDir: string;
  /** NODE_OPTIONS that load the network recorder. */
  nodeOptions: string;
  /** A Hub repository: its id, commit and files (paths of local files holding their bytes). */
  repo: { id: string; sha: string; files: Record<string, string> };
  reportFile: string;
}

export interface AirgapReport {
  interfaces: string[];
  /** Seconds per step, in order. */
  steps: { name: string; seconds: number }[];
  import: Json;
  scan: Json;
  benchmarks: Json[];
  review: Json;
  hfFiles: string[];
  downloadSha256: string;
  expectedSha256: string;
  web: { status: number; hasRoot: boolean; externalUrls: string[]; assets: Record<string, number> };
  vettedExit: string;
  vettedLog: string;
  control: { pid: number; output: string };
}

/** The default port of `vetted start`: the namespace has its own ports, so the defaults are free. */
const BASE_URL = 'http://127.0.0.1:3000';
const REVIEWED_FILE = 'model.onnx';
/** Any Node process that tries to leave: an unroutable address and a name to look up. */
const CONTROL_SCRIPT = `
const net = require('node:net');
const dns = require('node:dns');
net.connect(80, '10.255.255.1').on('error', (error) => {
  console.log('tcp ' + error.code);
  dns.lookup('registry.example.com', (failure) => console.log('dns ' + (failure && failure.code)));
});`;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The environment minus any Vetted setting of the machine running the tests: `vetted start` runs on its defaults. */
function defaultsOnly(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const setting = /^(VETTED_|S3_|HF_|DATABASE_URL$|PORT$|HOST$|LOG_LEVEL$|NODE_OPTIONS$)/;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !setting.test(name)));
}

async function runScenario(input: AirgapInput): Promise<AirgapReport> {
  const steps: AirgapReport['steps'] = [];
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await work();
    steps.push({ name, seconds: (Date.now() - started) / 1000 });
    return result;
  };

  const hub = await startTestHub();
  const files = Object.fromEntries(
    await Promise.all(Object.entries(input.repo.files).map(async ([name, file]) => [name, await readFile(file)] as const)),
  );
  hub.repos.set(input.repo.id, { sha: input.repo.sha, files });
  const vetted = AppProcess.start('vetted start', input.cli, ['start'], {
    cwd: input.siteDir,
    env: { ...defaultsOnly(process.env), HF_HUB_URL: hub.url, NODE_OPTIONS: input.nodeOptions },
  });
  try {
    await step('vetted start (embedded PostgreSQL, migrations, API, worker)', () => vetted.waitUntilHealthy(BASE_URL));
    const admin = new ApiClient(BASE_URL, (await readFile(path.join(input.siteDir, '.vetted', 'admin-key'), 'utf8')).trim());
    const keys: Record<string, string> = {};
    for (const role of ['publisher', 'reviewer', 'viewer'])
      keys[role] = (await admin.call('POST', '/v1/keys', { name: `air-gap ${role}`, role })).key;
    const publisher = admin.as(keys.publisher!);
    const versionPath = `/v1/models/${input.repo.id}/versions/1.0`;

    const imported = await step('import from the Hub-shaped server', async () => {
      const job = await publisher.call('POST', '/v1/imports', { repo: input.repo.id, version: '1.0' });
      return waitFor('the import to end', async () => {
        const current = await publisher.call('GET', `/v1/imports/${job.id}`);
        return ['queued', 'running'].includes(current.status) ? undefined : current;
      });
    });
    const scan = await step('scan', () =>
      waitFor('the scan', async () => {
        const current = await publisher.call('GET', `${versionPath}/scan`);
        return current.status === 'pending' ? undefined : current;
      }),
    );
    const benchmarks = await step('automatic benchmark', () =>
      waitFor(
        'the automatic benchmark to end',
        async () => {
          const { items } = await publisher.call('GET', `${versionPath}/benchmarks`);
          const settled = items.length > 0 && items.every((run: Json) => !['queued', 'running'].includes(run.status));
          return settled ? (items as Json[]) : undefined;
        },
        180_000,
      ),
    );
    const review = await step('review: approve', () =>
      admin.as(keys.reviewer!).call('POST', `${versionPath}/reviews`, { decision: 'approve', comment: 'reviewed on the air-gapped site' }),
    );

    const hubUrl = `${BASE_URL}/hf`;
    const [hfFiles, downloaded] = await step('download through /hf with @huggingface/hub', async () => {
      const listed: string[] = [];
      for await (const entry of listFiles({ repo: input.repo.id, hubUrl, accessToken: keys.viewer! })) listed.push(entry.path);
      const blob = await downloadFile({ repo: input.repo.id, path: REVIEWED_FILE, hubUrl, accessToken: keys.viewer! });
      return [listed, blob ? Buffer.from(await blob.arrayBuffer()) : Buffer.alloc(0)] as const;
    });
    const web = await step('web app', () => fetchWebApp());
    const vettedExit = await step('stop', () => vetted.stop());
    const control = await step('control: a process that tries to leave', () => runControl(input.nodeOptions));

    return {
      interfaces: Object.keys(networkInterfaces()),
      steps,
      import: imported,
      scan,
      benchmarks,
      review,
      hfFiles,
      downloadSha256: sha256(downloaded),
      expectedSha256: sha256(files[REVIEWED_FILE]!),
      web,
      vettedExit,
      vettedLog: vetted.log,
      control,
    };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- vetted start output ---\n${vetted.log}`);
  } finally {
    await vetted.stop();
    await hub.close();
  }
}

/** The page at / and every script and stylesheet it names. */
async function fetchWebApp(): Promise<AirgapReport['web']> {
  const page = await fetch(`${BASE_URL}/`);
  const html = await page.text();
  const assets: Record<string, number> = {};
  for (const [, asset] of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
    assets[asset!] = (await fetch(`${BASE_URL}${asset}`)).status;
  }
  return { status: page.status, hasRoot: html.includes('<div id="root">'), externalUrls: html.match(/https?:\/\/[^"' )]+/g) ?? [], assets };
}

async function runControl(nodeOptions: string): Promise<AirgapReport['control']> {
  const child = spawn(process.execPath, ['-e', CONTROL_SCRIPT], { env: { ...process.env, NODE_OPTIONS: nodeOptions } });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await new Promise((resolve) => child.once('close', resolve));
  return { pid: child.pid!, output };
}

const input = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as AirgapInput;
await writeFile(input.reportFile, JSON.stringify(await runScenario(input)));
