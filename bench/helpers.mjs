// Helpers the file and import benchmarks share.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A 1 MiB random block repeated: random enough for hashing and storage, quick to create. */
export async function writeTestFile(target, size) {
  const block = randomBytes(1024 * 1024);
  const out = createWriteStream(target);
  for (let written = 0; written < size; written += block.length) {
    if (!out.write(block.subarray(0, Math.min(block.length, size - written)))) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

export async function waitFor(url, anyStatus = false) {
  for (let i = 0; i < 150; i++) {
    try {
      const response = await fetch(url);
      if (anyStatus || response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

export async function timed(work) {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export async function rss(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)[1]) * 1024;
}

export function sampleRss(pid) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await rss(pid));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

export const median = (list) => [...list].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];

/** "median (min–max)" of a list of figures, each formatted by `format`. */
export const medianAndRange = (list, format = (value) => value.toFixed(0)) =>
  `${format(median(list))} (${format(Math.min(...list))}–${format(Math.max(...list))})`;

/** The machine's 1/5/15-minute load averages: how much else ran beside the benchmark. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

/** nginx serving `<root>/www` with sendfile on 127.0.0.1:port: the download baseline. Returns how to stop it. */
export async function startNginx(root, port) {
  const conf = path.join(root, 'nginx.conf');
  await writeFile(
    conf,
    `daemon off; worker_processes 2; pid ${root}/nginx.pid; error_log ${root}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; server { listen 127.0.0.1:${port}; root ${root}/www; } }\n`,
  );
  const nginx = spawn('nginx', ['-c', conf, '-p', root], { stdio: 'inherit' });
  await waitFor(`http://127.0.0.1:${port}/`, true);
  return async () => {
    nginx.kill('SIGQUIT');
    await new Promise((resolve) => nginx.once('exit', resolve));
  };
}

/** curl's standard output; a failed transfer throws with the server's answer. */
export async function curl(args) {
  const { stdout } = await run('curl', ['-sS', '--fail-with-body', ...args], { maxBuffer: 1024 * 1024 });
  return stdout;
}

/** The pid of the `vetted start` child (of process `parent`) whose last argument is `name` (api or worker). */
export async function childPid(parent, name) {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean);
      if (args.at(-1) === name) return Number(entry);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${name} process under ${parent}`);
}
