import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_APP_DIR } from '../apps/api/src/web/web-app.js';
import { safetensorsFile } from '../libs/formats/test/safetensors-writer.js';
import { TestReceiver } from '../libs/webhooks/test/test-receiver.js';
import { createTestDatabase } from '../test/database.js';
import { freePort } from '../test/free-port.js';
import { startTestHub, type TestHub } from '../test/hub-server.js';
import { DESKTOP, horizontalOverflow, launchChromium, openApp, PHONE, screenshot, type TestPage } from './web-browser.js';
import { ApiCaller, configJson, onnxModel, sentimentRepo, slowRepo } from './web-fixtures.js';
import { VettedProcess } from './vetted-process.js';
import { type TourStop, tourProblems } from './web-tour.js';

/**
 * The web catalog in real headless Chromium against `vetted start` (API, worker, PostgreSQL) and a
 * Hub-shaped server for imports. Data is seeded through the API; each scenario has its own browser
 * context, so its own session storage.
 */
describe('web catalog in a browser', { timeout: 45_000 }, () => {
  let hub: TestHub;
  let dataDir: string;
  let baseUrl: string;
  let vetted: VettedProcess | undefined;
  let browser: Browser | undefined;
  let admin: ApiCaller;
  const keys: Record<'publisher' | 'reviewer' | 'viewer', string> = { publisher: '', reviewer: '', viewer: '' };
  const pages: TestPage[] = [];

  const open = async (key?: string, viewport = DESKTOP): Promise<TestPage> => {
    const opened = await openApp(browser!, baseUrl, { viewport, ...(key ? { key } : {}) });
    pages.push(opened);
    return opened;
  };

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_APP_DIR, 'index.html')))
      throw new Error(`${WEB_APP_DIR} is missing: run "npm run build" before the browser tests`);
    hub = await startTestHub();
    hub.repos.set('hub-org/sentiment-bert', sentimentRepo());
    hub.repos.set('hub-org/tiny-gpt', slowRepo());
    dataDir = await mkdtemp(path.join(tmpdir(), 'vetted-web-e2e-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    [vetted, browser] = await Promise.all([
      (async () => {
        const started = VettedProcess.run('start', {
          VETTED_DATA_DIR: dataDir,
          PORT: String(port),
          DATABASE_URL: await createTestDatabase(),
          VETTED_ADMIN_TOKEN: '',
          HF_HUB_URL: hub.url,
          LOG_LEVEL: 'warn',
          // The webhook scenario's receiver listens on 127.0.0.1, which the default policy refuses.
          VETTED_WEBHOOK_ALLOW_LOOPBACK: 'true',
        });
        await started.waitUntilHealthy(baseUrl);
        return started;
      })(),
      launchChromium(),
    ]);
    admin = new ApiCaller(baseUrl, (await readFile(path.join(dataDir, 'admin-key'), 'utf8')).trim());
    for (const role of ['publisher', 'reviewer', 'viewer'] as const) {
      keys[role] = (await admin.call('POST', '/v1/keys', { name: `web ${role}`, role })).key;
    }
    const publisher = admin.as(keys.publisher);
    const reviewer = admin.as(keys.reviewer);

    for (let index = 1; index <= 22; index++) {
      await publisher.call('POST', '/v1/models', { namespace: 'bulk', name: `filler-${String(index).padStart(2, '0')}`, license: 'mit' });
    }
    const imported = await publisher.importRepo({ repo: 'hub-org/sentiment-bert', version: '1.0' });
    expect(imported.status).toBe('succeeded');
    await reviewer.approve('hub-org/sentiment-bert', '1.0');
    await publisher.publish(
      {
        namespace: 'acme',
        name: 'nc-vision',
        license: 'cc-by-nc-4.0',
        task: 'image-classification',
        description: 'A vision model for research',
      },
      '1.0',
      { 'model.onnx': onnxModel(), 'config.json': configJson('ViTForImageClassification') },
    );
    await reviewer.approve('acme/nc-vision', '1.0');
    await publisher.publish({ namespace: 'acme', name: 'pending-llm', license: 'apache-2.0', task: 'text-generation' }, '0.1', {
      'config.json': configJson('LlamaForCausalLM'),
    });
    await publisher.publish({ namespace: 'acme', name: 'mystery', task: 'text-generation' }, '0.1', {
      'config.json': configJson('Unknown'),
    });
    await Promise.all([publisher.waitForScan('acme/pending-llm', '0.1'), publisher.waitForScan('acme/mystery', '0.1')]);
  }, 90_000);

  afterAll(async () => {
    for (const { context } of pages) await context.close().catch(() => undefined);
    await browser?.close();
    await vetted?.stop();
    await hub?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the app at / and deep links, keeps API 404s, and caches hashed assets', async () => {
    for (const url of ['/', '/models/acme/nc-vision?tab=files', '/reviews']) {
      const response = await fetch(`${baseUrl}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<div id="root">');
    }
    const page = await (await fetch(`${baseUrl}/`)).text();
    const script = page.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    const asset = await fetch(`${baseUrl}${script}`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await asset.text()).length).toBeGreaterThan(1000);
    expect(page).not.toMatch(/https?:\/\//); // no CDNs, no external fonts
    const unknown = await fetch(`${baseUrl}/v1/nothing-here`, { headers: { authorization: `Bearer ${admin.key}` } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(((await unknown.json()) as { code: unknown }).code).toEqual(expect.any(String));
  });

  it('sends the catalog compressed: a cold load moves less than 150 kB', async () => {
    const { context, page, errors } = await open(keys.viewer);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const inFlight = new Set<string>();
    const encodings = new Map<string, string>();
    let transferred = 0;
    cdp.on('Network.requestWillBeSent', (event) => inFlight.add(event.requestId));
    cdp.on('Network.responseReceived', (event) => {
      const header = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding');
      encodings.set(new URL(event.response.url).pathname, String(header?.[1] ?? 'identity'));
    });
    cdp.on('Network.loadingFinished', (event) => {
      inFlight.delete(event.requestId);
      transferred += event.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (event) => inFlight.delete(event.requestId));
    await page.goto('/');
    await page.locator('.model-row').first().waitFor();
    await expect.poll(() => inFlight.size).toBe(0);
    const assets = [...encodings].filter(([pathname]) => pathname === '/' || pathname.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const [pathname, encoding] of assets) expect(encoding, pathname).toBe('br');
    expect(transferred).toBeLessThan(150 * 1024);
    expect(errors).toEqual([]);
  });

  it('signs in with the admin key the first start wrote, keeps it for the tab, and signs out', async () => {
    const { page, errors } = await open();
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Vetted' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('.vetted/admin-key').isVisible()).toBe(true);
    await screenshot(page, 'sign-in');

    await page.getByLabel('API key').fill('hf_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('unknown or revoked');

    await page.getByLabel('API key').fill(admin.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();
    expect(await page.locator('.session').textContent()).toContain('admin');
    await page.reload();
    await page.getByRole('heading', { name: 'Catalog' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Vetted' }).waitFor();
    expect(await page.evaluate<string | null>("sessionStorage.getItem('vetted.apiKey')")).toBeNull();
    expect(errors).toEqual([]);
  });

  it('signs out, saying why, when the key is revoked while in use', async () => {
    const created = await admin.call('POST', '/v1/keys', { name: 'short-lived', role: 'viewer' });
    const { page, errors } = await open(created.key);
    await page.goto('/');
    await page.getByRole('link', { name: 'hub-org/sentiment-bert' }).waitFor();
    await admin.call('DELETE', `/v1/keys/${created.id}`);
    await page.getByRole('link', { name: 'hub-org/sentiment-bert' }).click();
    await page.getByText('The API no longer accepts this key. Sign in again.').waitFor();
    expect(await page.evaluate<string | null>("sessionStorage.getItem('vetted.apiKey')")).toBeNull();
    expect(errors).toEqual([]);
  });

  it('searches, filters and pages through the catalog', async () => {
    const { page, errors } = await open(keys.publisher);
    await page.goto('/');
    const rows = page.locator('.model-row');
    await rows.first().waitFor();
    await screenshot(page, 'catalog');

    await page.getByLabel('Search models').fill('sentiment');
    await expect.poll(() => rows.locator('.model-row-name').allTextContents()).toEqual(['hub-org/sentiment-bert']);
    expect(page.url()).toContain('q=sentiment');
    const row = rows.first();
    expect(await row.textContent()).toContain('text-classification');
    expect(await row.textContent()).toContain('apache-2.0 · commercial use allowed');
    expect(await row.textContent()).toContain('1.0');

    await page.getByLabel('Search models').fill('');
    await page.getByLabel('License').selectOption('cc-by-nc-4.0');
    await expect.poll(() => rows.locator('.model-row-name').allTextContents()).toEqual(['acme/nc-vision']);
    expect(await rows.first().textContent()).toContain('non-commercial only');
    await page.getByLabel('License').selectOption('');
    await page.getByLabel('Format').selectOption('onnx');
    await expect.poll(() => rows.locator('.model-row-name').allTextContents()).toEqual(['acme/nc-vision']);
    await page.getByLabel('Format').selectOption('');
    await page.getByLabel('Commercial use').selectOption('no');
    await expect.poll(() => rows.locator('.model-row-name').allTextContents()).toEqual(['acme/nc-vision']);
    await page.getByLabel('Commercial use').selectOption('');

    // 2 112 parameters in sentiment-bert's safetensors, 544 in nc-vision's ONNX graph.
    await page.getByLabel('Parameters from').fill('1K');
    await page.getByLabel('Parameters from').press('Enter');
    await expect.poll(() => rows.locator('.model-row-name').allTextContents()).toEqual(['hub-org/sentiment-bert']);
    await page.getByLabel('Parameters from').fill('100');
    await page.getByLabel('to', { exact: true }).fill('1k');
    await page.getByLabel('to', { exact: true }).press('Enter');
    await expect.poll(() => rows.locator('.model-row-name').allTextContents()).toEqual(['acme/nc-vision']);
    await page.getByLabel('to', { exact: true }).fill('lots');
    await page.getByLabel('to', { exact: true }).press('Enter');
    await page.getByText('Write a number such as 350M, 7B or 1.5e9').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();

    await page.getByLabel('Sort by').selectOption('size');
    await expect
      .poll(async () => (await rows.locator('.model-row-name').allTextContents()).slice(0, 2))
      .toEqual(['hub-org/sentiment-bert', 'acme/nc-vision']);
    const largest = await rows.first().textContent();
    expect(largest).toContain('2.1K');
    expect(largest).toContain('safetensors');
    await page.getByLabel('Sort by').selectOption('name');
    await expect
      .poll(async () => (await rows.locator('.model-row-name').allTextContents()).slice(0, 3))
      .toEqual(['acme/mystery', 'acme/nc-vision', 'acme/pending-llm']);
    await page.getByLabel('Sort by').selectOption('');

    await page.getByLabel('Task').fill('text-generation');
    await page.getByLabel('Task').press('Enter');
    await expect.poll(() => rows.locator('.model-row-name').allTextContents()).toEqual(['acme/mystery', 'acme/pending-llm']);

    await page.getByLabel('Search models').fill('nothing-matches-this');
    await page.getByText('No models match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).last().click();

    await page.getByLabel('Search models').fill('filler');
    // Rows of the previous list, then none while the search loads: wait for a full page of fillers only.
    const fillerRows = async () => {
      const names = await rows.locator('.model-row-name').allTextContents();
      return names.every((name) => name.startsWith('bulk/filler-')) ? names.length : -1;
    };
    await expect.poll(fillerRows).toBe(20);
    const firstPage = await rows.locator('.model-row-name').allTextContents();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByText('Page 2').isVisible()).toBe(true);
    const secondPage = await rows.locator('.model-row-name').allTextContents();
    expect(new Set([...firstPage, ...secondPage]).size).toBe(22);
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => rows.locator('.model-row-name').allTextContents()).toEqual(firstPage);
    expect(errors).toEqual([]);
  });

  it('opens a model: sanitised card, facts, files with a working download, snippets', async () => {
    const { page, errors } = await open(keys.viewer);
    await page.goto('/');
    await page.getByRole('link', { name: 'hub-org/sentiment-bert' }).click();
    await page.getByRole('heading', { name: 'Sentiment BERT' }).waitFor();
    expect(await page.locator('.markdown table').textContent()).toContain('0.91');
    await page.locator('.markdown a', { hasText: 'a link' }).click();
    expect(await page.evaluate<unknown[]>('[window.__cardScript, window.__cardHandler, window.__cardLink]')).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(await page.locator('.markdown script, .markdown [onerror], .markdown a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('.markdown').textContent()).not.toContain('pipeline_tag');
    const facts = await page.locator('.facts').textContent();
    expect(facts).toContain('BertForSequenceClassification');
    expect(facts).toContain('512');
    await screenshot(page, 'model-overview');

    await page.getByRole('link', { name: 'Files' }).click();
    const configRow = page.locator('tr', { hasText: 'config.json' });
    await configRow.waitFor();
    const stored = sentimentRepo().files['config.json']!;
    const sha256 = createHash('sha256').update(stored).digest('hex');
    expect(await configRow.textContent()).toContain(sha256);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      configRow.getByRole('link', { name: 'Download config.json' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('config.json');
    expect(
      createHash('sha256')
        .update(await readFile(await download.path()))
        .digest('hex'),
    ).toBe(sha256);
    await screenshot(page, 'model-files');

    // A transformers model with safetensors weights: the Hub clients, curl and transformers, not the ONNX tools.
    await page.getByRole('link', { name: 'Use it' }).click();
    const titles = page.locator('.code-block figcaption > span');
    await expect
      .poll(() => titles.allTextContents())
      .toEqual(['Shell (hf CLI)', 'Python (huggingface_hub)', 'Python (transformers)', 'JavaScript (@huggingface/hub)', 'curl (one file)']);
    const snippets = (await page.locator('.code-block pre').allTextContents()).join('\n');
    expect(snippets).toContain(`HF_ENDPOINT=${baseUrl}/hf`);
    expect(snippets).toContain('snapshot_download("hub-org/sentiment-bert", revision="1.0")');
    expect(snippets).toContain('pipeline("text-classification", model="hub-org/sentiment-bert", revision="1.0")');
    expect(await page.getByRole('button', { name: 'Copy Python (transformers)' }).isVisible()).toBe(true);

    // A plain ONNX graph: ONNX Runtime, and no transformers library that could not load it.
    await page.goto('/models/acme/nc-vision?tab=use');
    await expect.poll(() => titles.allTextContents()).toContain('JavaScript (onnxruntime-node)');
    expect(await titles.allTextContents()).toContain('Python (onnxruntime)');
    expect((await titles.allTextContents()).filter((title) => title.includes('transformers'))).toEqual([]);
    expect(await page.locator('.code-block pre').allTextContents()).not.toContainEqual(expect.stringContaining('pipeline('));

    await page.goto('/models/acme/does-not-exist');
    await page.getByText('There is no model acme/does-not-exist').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the license terms and checks an intended use', async () => {
    const { page, errors } = await open(keys.viewer);
    await page.goto('/models/acme/nc-vision?tab=license');
    await page.getByText('No use primarily intended for commercial advantage or monetary compensation.').first().waitFor();
    await page.getByRole('radio', { name: 'Commercial', exact: true }).check();
    await page.getByLabel('Who gets the model or its outputs?').selectOption('hosted-service');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const result = page.locator('.check-result');
    await expect.poll(() => result.textContent()).toContain('Verdict: Not allowed');
    await screenshot(page, 'model-license-check');

    const expected = await admin.as(keys.viewer).call('POST', '/v1/models/acme/nc-vision/license-check', {
      commercial: false,
      distribution: 'internal',
      modifications: false,
      trainOtherModelsOnOutputs: false,
    });
    await page.getByRole('radio', { name: /Non-commercial/ }).check();
    await page.getByLabel('Who gets the model or its outputs?').selectOption('internal');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => result.textContent()).not.toContain('Not allowed');
    expect(await result.textContent()).toContain(expected.disclaimer);
    expect(errors).toEqual([]);
  });

  it('clears a verdict as soon as the intended use changes, and shows only what blocks a use that is not allowed', async () => {
    const { page, errors } = await open(keys.viewer);
    await page.goto('/models/acme/nc-vision?tab=license');
    const check = page.getByRole('button', { name: 'Check', exact: true });
    const result = page.locator('.check-result');
    await page.getByRole('radio', { name: 'Commercial', exact: true }).check();
    await page.getByLabel('Who gets the model or its outputs?').selectOption('external');
    await check.click();
    await expect.poll(() => result.textContent()).toContain('Verdict: Not allowed');
    expect((await result.locator('p').allTextContents()).slice(0, 2)).toEqual([
      'Verdict: Not allowed (cc-by-nc-4.0)',
      'What stands in the way:',
    ]);
    expect(await result.locator('li').first().textContent()).toMatch(/^commercial use: Not allowed under this license\./);
    // CC BY-NC has standing duties (credit the creator…): they are no use to a use that may not go ahead.
    expect(await result.textContent()).not.toContain('Obligations');
    expect(await result.textContent()).not.toContain('credit the creator');

    const changes: [string, () => Promise<unknown>][] = [
      ['commercial', () => page.getByRole('radio', { name: /Non-commercial/ }).check()],
      ['distribution', () => page.getByLabel('Who gets the model or its outputs?').selectOption('internal')],
      ['users', () => page.getByLabel('Monthly active users (optional)').fill('12')],
      ['region', () => page.getByLabel('Country code (optional)').fill('DE')],
      ['modifications', () => page.getByRole('checkbox', { name: 'We modify or fine-tune it' }).check()],
    ];
    for (const [field, change] of changes) {
      await check.click();
      await result.waitFor();
      await change();
      expect(await result.count(), `a verdict outlived a change of ${field}`).toBe(0);
    }
    await check.click();
    await expect.poll(() => result.textContent()).toContain('Verdict: Allowed, with obligations');
    expect(await result.textContent()).toContain('credit the creator');
    expect(errors).toEqual([]);
  });

  it('runs a benchmark from the model page and shows its result', async () => {
    const { page, errors } = await open(keys.publisher);
    await page.goto('/models/acme/nc-vision?tab=benchmarks');
    await page.getByRole('heading', { name: 'Run a benchmark' }).waitFor();
    await page.getByLabel('Execution provider').selectOption('cpu');
    await page.getByLabel('Timed runs').fill('5');
    await page.getByLabel('Dimensions (optional)').fill('batch');
    await expect.poll(() => page.locator('#benchmark-dims-error').textContent()).toContain('"batch" is not name=size');
    await page.getByLabel('Dimensions (optional)').fill('batch=1');
    await page.getByRole('button', { name: 'Run benchmark' }).click();
    const status = page.locator('.run-status');
    await expect.poll(() => status.textContent(), { timeout: 40_000 }).toMatch(/succeeded|failed|cancelled/);
    expect(await status.textContent()).toMatch(/succeeded.*p50 [\d.]+ m?s on cpu/);

    const runs = (await admin.call('GET', '/v1/models/acme/nc-vision/versions/1.0/benchmarks')).items;
    const mine = runs.find((run: { requestedBy: string }) => run.requestedBy !== 'auto');
    expect(mine).toMatchObject({ status: 'succeeded', executionProvider: { requested: 'cpu', actual: 'cpu' } });
    expect(mine.settings.requested.dims).toEqual({ batch: 1 });
    expect(await status.textContent()).toContain(mine.id.slice(0, 8));
    await expect.poll(() => page.locator('.latency-row').allTextContents()).toContainEqual(expect.stringContaining('1.0 · cpu'));
    await expect.poll(() => page.locator('.runs-table tbody tr:not(.run-details-row)').count()).toBe(runs.length);
    await expect.poll(() => page.locator('.runs-table').textContent()).toContain('by web publisher');
    expect(await page.locator('.runs-table').textContent()).not.toContain('key:');
    expect(await page.locator('.runs-table').textContent()).toMatch(/Inputs: x float32 \[1\*?, 16\]/);
    await screenshot(page, 'model-benchmarks');

    await page.goto('/?q=nc-vision');
    await expect.poll(() => page.locator('.model-row').first().textContent()).toMatch(/Best latency[\d.]+ m?s p50/);
    expect(errors).toEqual([]);
  }, 60_000);

  it('lets a reviewer approve a pending version and shows why another is blocked', async () => {
    const { page, errors } = await open(keys.reviewer);
    await page.goto('/');
    await page.getByRole('link', { name: 'Review queue' }).click();
    const pending = page.locator('.queue-item', { hasText: 'acme/pending-llm' });
    const blocked = page.locator('.queue-item', { hasText: 'acme/mystery' });
    await pending.waitFor();
    expect(await blocked.textContent()).toContain('no license declared');
    expect(await blocked.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    await screenshot(page, 'review-queue');

    await pending.getByLabel(/Comment/).fill('Checked the license and the files.');
    await pending.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('acme/pending-llm 0.1: approved.').waitFor();
    await expect.poll(() => page.locator('.queue-item', { hasText: 'acme/pending-llm' }).count()).toBe(0);
    const version = await admin.call('GET', '/v1/models/acme/pending-llm/versions/0.1');
    expect(version.status).toBe('approved');
    expect(errors).toEqual([]);
  });

  it('updates the review queue live from the event stream, without polling, and closes the stream on sign-out', async () => {
    const { page, errors } = await open(keys.reviewer);
    const queueRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/v1/reviews/queue') queueRequests.push(request.url());
    });
    // The page's timers run on a clock the test can wind forward: a poll would show up as more requests.
    await page.clock.install();
    await page.goto('/reviews');
    await page.locator('.queue-item').first().waitFor();
    const indicator = page.locator('.live-indicator');
    await expect.poll(() => indicator.textContent(), { timeout: 10_000 }).toBe('Live');
    expect(await indicator.getAttribute('role')).toBe('status');
    await page.evaluate('window.__sameDocument = true');
    const loaded = queueRequests.length;

    const publisher = admin.as(keys.publisher);
    await publisher.publish({ namespace: 'live', name: 'arrival', license: 'mit' }, '1.0', {
      'config.json': configJson('BertForSequenceClassification'),
    });
    const item = page.locator('.queue-item', { hasText: 'live/arrival' });
    await item.waitFor();
    const scan = await publisher.waitForScan('live/arrival', '1.0');
    await expect.poll(() => item.locator('.evidence').textContent(), { timeout: 10_000 }).toContain(`Scan1 ${scan.status}`);
    expect(await page.evaluate<unknown>('window.__sameDocument')).toBe(true);
    await screenshot(page, 'review-queue-live');

    // One refresh at most per event that changes the queue (and the catch-up when the stream opened, if that
    // came after the count began), and none from a timer however long the page stays.
    const { items: queueEvents } = await admin.call('GET', '/v1/events?namespace=live&type=version.submitted,version.scanned');
    expect(queueEvents).toHaveLength(2);
    const refreshed = queueRequests.length - loaded;
    expect(refreshed).toBeGreaterThanOrEqual(1);
    expect(refreshed).toBeLessThanOrEqual(queueEvents.length + 1);
    await page.clock.runFor(10 * 60_000);
    expect(queueRequests.length - loaded).toBe(refreshed);

    // Ten silent minutes of page time trip the stream's watchdog again and again (the server's keep-alives
    // come in real time), leaving it in a backoff of up to a minute: reconnecting after that is the unit
    // tests' job (apps/web/test/event-stream.test.ts). Here a fresh page follows the stream again.
    await page.clock.resume();
    await page.reload();
    await expect.poll(() => indicator.textContent(), { timeout: 20_000 }).toBe('Live');
    const streamClosed = page.waitForEvent('requestfailed', (request) => request.url().includes('/v1/events/stream'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await streamClosed;
    expect(await indicator.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('opens no event stream for a viewer', async () => {
    const { page, errors } = await open(keys.viewer);
    const streams: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/v1/events')) streams.push(request.url());
    });
    await page.goto('/');
    await page.locator('.model-row').first().waitFor();
    expect(await page.locator('.session').textContent()).toContain('viewer');
    expect(await page.locator('.live-indicator').count()).toBe(0);
    expect(streams).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('starts an import and follows its progress to the end', async () => {
    const { page, errors } = await open(keys.publisher);
    await page.goto('/imports');
    await page.getByLabel('Repository').fill('hub-org/tiny-gpt');
    await page.getByLabel('Version label (optional)').fill('2024.1');
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: 'Import of hub-org/tiny-gpt@main' }).waitFor();
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await expect.poll(() => progress.getAttribute('value'), { timeout: 10_000 }).not.toBeNull();
    await screenshot(page, 'import-progress');
    await page.getByRole('link', { name: 'Open hub-org/tiny-gpt 2024.1' }).waitFor({ timeout: 15_000 });
    const total = String(Object.values(slowRepo().files).reduce((sum, file) => sum + file.length, 0));
    expect(await progress.getAttribute('max')).toBe(total);
    expect(await progress.getAttribute('value')).toBe(total);
    expect(await page.locator('.import-summary').textContent()).toContain('succeeded');
    await screenshot(page, 'import-done');

    await page.getByRole('link', { name: 'Open hub-org/tiny-gpt 2024.1' }).click();
    await page.getByRole('heading', { name: 'Tiny GPT' }).waitFor();
    expect(await page.locator('.version-bar').textContent()).toContain('pending review');
    expect(errors).toEqual([]);
  });

  it('explains a failed import in words and once, stops its progress bar, and retries or removes it', async () => {
    const { page, errors } = await open(keys.publisher);
    const patternWarnings: string[] = [];
    page.on('console', (message) => {
      if (/pattern/i.test(message.text())) patternWarnings.push(message.text());
    });
    await page.goto('/imports');
    const repo = page.getByLabel('Repository');
    await repo.fill('not-a-repo');
    const validity = (check: string) => page.evaluate<boolean>(`document.getElementById('import-repo').validity.${check}`);
    expect(await validity('patternMismatch')).toBe(true);
    await repo.fill('hub-org/arrives-later');
    expect(await validity('valid')).toBe(true);
    expect(patternWarnings).toEqual([]);

    // Refused by the API: its word shows under the field, once.
    await page.getByLabel('Version label (optional)').fill('-bad label');
    await page.getByRole('button', { name: 'Start import' }).click();
    const versionError = page.locator('#import-version-error');
    await versionError.waitFor();
    expect(await versionError.textContent()).toMatch(/^must start with a letter or digit/);
    expect((await page.locator('main').textContent())!.split('must start with a letter or digit')).toHaveLength(2);
    await page.getByLabel('Version label (optional)').fill('');

    // Not on the Hub yet: the kind in words, the worker's message once, no moving bar, Retry and Remove.
    await page.getByRole('button', { name: 'Start import' }).click();
    const failure = page.locator('.import-failure');
    await failure.waitFor({ timeout: 15_000 });
    expect(await failure.locator('strong').textContent()).toBe('Not found on the Hub.');
    const message = 'hub-org/arrives-later does not exist on the Hub';
    expect((await page.locator('main').textContent())!.split(message)).toHaveLength(2);
    const moving = "[...document.querySelectorAll('main progress:not([value]), main .spinner')].map((element) => element.outerHTML)";
    expect(await page.evaluate<string[]>(moving)).toEqual([]);
    await screenshot(page, 'import-failed');

    // Once the repository is there, Retry sends the same request again, and it succeeds.
    hub.repos.set('hub-org/arrives-later', sentimentRepo());
    const failedUrl = page.url();
    await failure.getByRole('button', { name: 'Retry' }).click();
    await page.waitForURL((url) => url.href !== failedUrl);
    await page.getByRole('link', { name: /^Open hub-org\/arrives-later/ }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.import-failure').count()).toBe(0);

    // A gated repository says so, and Remove takes the import off the list.
    hub.repos.set('hub-org/gated-later', { ...sentimentRepo(), gatedToken: 'hf_not_vetted' });
    await page.goto('/imports');
    await page.getByLabel('Repository').fill('hub-org/gated-later');
    await page.getByRole('button', { name: 'Start import' }).click();
    await failure.waitFor({ timeout: 15_000 });
    expect(await failure.locator('strong').textContent()).toBe('Gated repository.');
    const gatedId = page.url().split('/').at(-1)!;
    await failure.getByRole('button', { name: 'Remove' }).click();
    await page.waitForURL((url) => url.pathname === '/imports');
    await page.getByRole('link', { name: 'hub-org/arrives-later@main' }).first().waitFor();
    expect(await page.locator(`a[href="/imports/${gatedId}"]`).count()).toBe(0);
    await admin.call('GET', `/v1/imports/${gatedId}`, undefined, [404]);

    // Bytes that do not match the Hub's sha256 are a checksum failure.
    hub.repos.set('hub-org/corrupted', {
      sha: 'c'.repeat(40),
      corruptPath: 'model.safetensors',
      files: { 'model.safetensors': safetensorsFile({ 'w.weight': { dtype: 'F32', shape: [300, 7] } }) },
    });
    const corrupted = await admin.as(keys.publisher).importRepo({ repo: 'hub-org/corrupted' });
    await page.goto(`/imports/${corrupted.id}`);
    await failure.waitFor();
    expect(await failure.locator('strong').textContent()).toBe('Checksum mismatch.');
    expect(errors).toEqual([]);
  }, 60_000);

  it('is usable with the keyboard alone', async () => {
    const { page, errors } = await open(keys.viewer);
    await page.goto('/');
    await page.locator('.model-row').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('catalog-search');
    await page.keyboard.type('nc-vision');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.model-row-name').allTextContents()).toEqual(['acme/nc-vision']);
    await page.locator('.model-row-name').first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'acme/nc-vision' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const { page, errors } = await open(keys.reviewer, PHONE);
    for (const [url, name, ready] of [
      ['/', 'phone-catalog', '.model-row'],
      ['/models/hub-org/sentiment-bert', 'phone-model', '.markdown'],
      ['/models/hub-org/sentiment-bert?tab=files', 'phone-model-files', '.files-table'],
      ['/models/acme/nc-vision?tab=benchmarks', 'phone-model-benchmarks', '.runs-table'],
      ['/reviews', 'phone-review-queue', '.queue-item'],
    ] as const) {
      await page.goto(url);
      await page.locator(ready).first().waitFor();
      expect(await horizontalOverflow(page), url).toBe(0);
      await screenshot(page, name, false);
    }
    expect(errors).toEqual([]);
  });

  it('lets an admin subscribe a webhook, see its secret once, follow and redeliver deliveries, and turn it off', async () => {
    const receiver = await TestReceiver.start();
    try {
      const { page, errors } = await open(admin.key);
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
      await page.getByText('No webhooks yet').waitFor();

      await page.getByLabel('Payload URL').fill(receiver.url);
      await page.getByRole('checkbox', { name: 'model.created' }).check();
      await page.getByLabel('Namespace (optional)').fill('hooks');
      await page.getByLabel('Description (optional)').fill('tell CI about new models');
      await page.getByRole('button', { name: 'Create webhook' }).click();
      const secretNotice = page.locator('.one-time-secret');
      await secretNotice.waitFor();
      expect(await secretNotice.textContent()).toContain('you will not see it again');
      const secret = (await page.getByLabel('Signing secret').textContent())!;
      expect(secret).toMatch(/^whsec_/);
      await page.getByRole('button', { name: 'Copy secret' }).waitFor();
      const row = page.locator('.webhook-row', { hasText: receiver.url });
      await expect.poll(() => row.textContent()).toContain('no deliveries yet');
      const rowText = await row.textContent();
      for (const part of ['model.created', 'hooks', 'enabled', 'tell CI about new models']) expect(rowText).toContain(part);
      await screenshot(page, 'webhooks');
      await page.getByRole('button', { name: 'I have copied it' }).click();
      await secretNotice.waitFor({ state: 'detached' });
      await page.reload();
      await row.waitFor();
      expect(await page.content()).not.toContain(secret);

      await row.getByRole('link', { name: receiver.url }).click();
      await page.getByRole('heading', { name: receiver.url }).waitFor();
      await admin.as(keys.publisher).call('POST', '/v1/models', { namespace: 'hooks', name: 'announced', license: 'mit' });
      const deliveries = page.locator('.delivery-table tbody tr');
      await expect.poll(() => deliveries.first().textContent(), { timeout: 20_000 }).toMatch(/^model\.created.*succeeded\s*200/);
      expect(receiver.requests).toHaveLength(1);
      const signed = new Webhook(secret).verify(receiver.requests[0]!.body, receiver.requests[0]!.headers as Record<string, string>);
      expect(signed).toMatchObject({
        type: 'model.created',
        data: { namespace: 'hooks', actor: { name: 'web publisher' }, payload: { model: 'hooks/announced' } },
      });
      expect(await page.getByLabel('Signing secret').count()).toBe(0);
      await screenshot(page, 'webhook');

      await deliveries.first().getByRole('button', { name: 'Redeliver' }).click();
      await expect.poll(() => deliveries.count(), { timeout: 20_000 }).toBe(2);
      await expect.poll(() => deliveries.first().textContent(), { timeout: 20_000 }).toMatch(/redelivery.*succeeded\s*200/);
      expect(receiver.requests).toHaveLength(2);
      expect(receiver.requests[1]!.headers['webhook-id']).toBe(receiver.requests[0]!.headers['webhook-id']);

      await page.setViewportSize(PHONE);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'phone-webhook');
      await page.setViewportSize(DESKTOP);

      await page.getByRole('button', { name: 'Rotate secret' }).click();
      await page.getByRole('button', { name: 'Rotate', exact: true }).click();
      const rotated = (await page.getByLabel('Signing secret').textContent())!;
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(secret);
      await page.getByRole('button', { name: 'I have copied it' }).click();

      await page.getByText('Edit settings').click();
      await page.getByRole('checkbox', { name: 'version.approved' }).check();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('status').getByText('Saved.').waitFor();
      expect(await page.locator('.webhook-summary').textContent()).toContain('model.created, version.approved · hooks');
      expect((await admin.call('GET', '/v1/webhooks')).items[0].events).toEqual(['model.created', 'version.approved']);

      await page.getByRole('button', { name: 'Disable' }).click();
      await page.getByRole('button', { name: 'Enable' }).waitFor();
      expect(await page.locator('.webhook-summary').textContent()).toMatch(/disabled\s*Disabled by/);
      expect(await deliveries.first().getByRole('button', { name: 'Redeliver' }).isDisabled()).toBe(true);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
      await expect.poll(() => row.textContent()).toMatch(/disabled\s*Disabled by.*last delivery\s*succeeded/);

      await page.setViewportSize(PHONE);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'phone-webhooks', false);
      await page.setViewportSize(DESKTOP);

      await row.getByRole('link', { name: receiver.url }).click();
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('button', { name: 'Delete webhook' }).click();
      await page.getByText('No webhooks yet').waitFor();
      expect(receiver.requests).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('shows webhooks to admins only', async () => {
    const { page, errors } = await open(keys.reviewer);
    await page.goto('/');
    await page.getByRole('link', { name: 'Review queue' }).waitFor();
    expect(await page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    await page.goto('/webhooks');
    await page.getByText('This page needs the admin role').waitFor();
    expect(errors).toEqual([]);
  });

  /**
   * Seeded last, so the catalog scenarios above see only their own models: lab/detector 1.0 approved and
   * 2.0 pending with a changed graph, a new file and a benchmark that must fail (float input fed int64);
   * lab/recalled 1.0 revoked, 1.1 approved.
   */
  describe('review evidence, version history and revoked versions', () => {
    let failedRun: { error: string };

    beforeAll(async () => {
      const publisher = admin.as(keys.publisher);
      const reviewer = admin.as(keys.reviewer);
      const seedDetector = async () => {
        await publisher.publish({ namespace: 'lab', name: 'detector', license: 'apache-2.0', task: 'image-classification' }, '1.0', {
          'model.onnx': onnxModel(2),
          'config.json': configJson('MlpForTests'),
        });
        await reviewer.approve('lab/detector', '1.0');
        await publisher.publishVersion('lab/detector', '2.0', {
          'model.onnx': onnxModel(3),
          'config.json': configJson('MlpForTests'),
          'NOTES.md': Buffer.from('One more layer.\n'),
        });
        await publisher.waitForScan('lab/detector', '2.0');
        const failing = await publisher.call('POST', '/v1/models/lab/detector/versions/2.0/benchmarks', {
          executionProvider: 'cpu',
          iterations: 1,
          warmup: 0,
          inputs: { x: { dtype: 'int64' } },
        });
        await publisher.waitForBenchmarks('lab/detector', '1.0');
        const runs = await publisher.waitForBenchmarks('lab/detector', '2.0');
        failedRun = runs.find((run) => run.id === failing.id);
        expect(failedRun).toMatchObject({ status: 'failed', error: expect.any(String) });
      };
      const seedRecalled = async () => {
        await publisher.publish({ namespace: 'lab', name: 'recalled', license: 'mit', task: 'text-generation' }, '1.0', {
          'config.json': configJson('LlamaForCausalLM'),
        });
        await reviewer.approve('lab/recalled', '1.0');
        await reviewer.call('POST', '/v1/models/lab/recalled/versions/1.0/revoke', { reason: 'Trained on data we may not use' });
        await publisher.publishVersion('lab/recalled', '1.1', { 'config.json': configJson('LlamaForCausalLM') });
        await reviewer.approve('lab/recalled', '1.1');
      };
      await Promise.all([seedDetector(), seedRecalled()]);
    }, 90_000);

    it('shows a reviewer the whole evidence: a failed benchmark, findings, contributors, the diff', async () => {
      const { page, errors } = await open(keys.reviewer);
      await page.goto('/reviews');
      const item = page.locator('.queue-item', { hasText: 'lab/detector' });
      await item.waitFor();
      expect(await item.locator(':scope > p').first().textContent()).toContain('Published by web publisher');
      const contributors = await item.locator('.contributors').textContent();
      for (const part of ['web publisher', 'created', 'uploaded', 'submitted']) expect(contributors).toContain(part);

      const failed = item.locator('.run-failed');
      expect(await failed.textContent()).toContain(failedRun.error);
      expect(await failed.textContent()).toMatch(/x int64 \[1\*?, 16\]/);
      expect(await failed.textContent()).toContain('Requested by web publisher');
      expect(await item.locator('.run-succeeded').textContent()).toContain('Requested by automatic');
      expect(await item.textContent()).not.toContain('none yet');

      const diff = item.locator('.version-diff');
      expect(await diff.locator('h3').textContent()).toBe('Changes since 1.0');
      expect(await diff.textContent()).toContain('1 changed, 1 added, 0 removed, 1 unchanged');
      expect(await diff.locator('.diff-files tr', { hasText: 'model.onnx' }).textContent()).toMatch(/^changed\s*model\.onnx/);
      expect(await diff.locator('.diff-files tr', { hasText: 'NOTES.md' }).textContent()).toMatch(/^added\s*NOTES\.md/);
      const facts = await diff.locator('.diff-facts tbody tr').allTextContents();
      expect(facts).toContain('parameters544816');
      expect(facts).toContain('parametersByDtypefloat32: 544float32: 816');
      expect(await diff.textContent()).toContain('Latency against 1.0');
      expect(await item.textContent()).not.toContain('key:');
      await item.scrollIntoViewIfNeeded();
      await screenshot(page, 'review-evidence');

      await page.setViewportSize(PHONE);
      expect(await horizontalOverflow(page)).toBe(0);
      await item.locator('.version-diff').scrollIntoViewIfNeeded();
      await screenshot(page, 'phone-review-evidence', false);
      expect(errors).toEqual([]);
    });

    it('shows the history of a version with names, times and the decision comment', async () => {
      const { page, errors } = await open(keys.viewer);
      await page.goto('/models/lab/detector?version=1.0');
      await page.getByRole('link', { name: 'History' }).click();
      const history = page.locator('.history');
      await history.waitFor();
      const events = (await history.locator('.history-what').allTextContents()).map((event) => event.trim());
      expect(events.slice(0, 4)).toEqual(['Created', 'Uploaded model.onnx', 'Uploaded config.json', 'Submitted for review']);
      expect(events).toContain('Scanned');
      expect(events).toContain('Benchmark succeeded model.onnx');
      const approved = history.locator('.history-event', { hasText: 'Approved' });
      expect(await approved.textContent()).toContain('by web reviewerreviewer');
      expect(await approved.locator('.history-comment').textContent()).toBe('seeded for the browser tests');
      expect(await history.textContent()).not.toContain('key:');
      expect(await page.locator('.session').textContent()).toContain('web viewer');

      await page.getByText('Approval by web reviewer').click();
      await page.getByText('there is no approved version to compare it with').waitFor();
      await screenshot(page, 'model-history');
      expect(errors).toEqual([]);
    });

    it('shows a viewer a revoked version, marked, with who and why, and nothing to download', async () => {
      const { page, errors } = await open(keys.viewer);
      await page.goto('/models/lab/recalled?version=1.0');
      const notice = page.locator('.version-status-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/^Revoked .+ by web reviewer: Trained on data we may not use/);
      expect(await page.locator('.version-bar').textContent()).toContain('revoked');
      await screenshot(page, 'model-revoked');

      await page.getByRole('link', { name: 'Files' }).click();
      await page.locator('.not-downloadable').waitFor();
      expect(await page.getByRole('link', { name: /^Download/ }).count()).toBe(0);
      await page.getByRole('link', { name: 'Use it' }).click();
      await page.locator('.not-downloadable').waitFor();
      expect(await page.locator('.code-block').count()).toBe(0);
      await page.getByRole('link', { name: 'Versions' }).click();
      const revokedRow = page.locator('tr', { hasText: 'revoked' });
      expect(await revokedRow.textContent()).toContain('by web reviewer: Trained on data we may not use');

      // The approved version next to it still offers its files.
      await page.goto('/models/lab/recalled?version=1.1&tab=files');
      await page.getByRole('link', { name: 'Download config.json' }).waitFor();
      expect(await page.locator('.version-status-notice').count()).toBe(0);

      await page.setViewportSize(PHONE);
      await page.goto('/models/lab/recalled?version=1.0&tab=versions');
      await page.locator('.version-status-notice').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'phone-model-revoked', false);
      expect(errors).toEqual([]);
    });
  });

  /**
   * Last, over everything the scenarios above left behind (approved, pending, rejected and revoked versions,
   * failed and finished imports, benchmark runs): every page in its main states, as each role sees it.
   */
  describe('every page at 320, 390 and 1280 px: layout and accessibility', () => {
    let viewer: string;

    // What wraps worst: the longest license ids with their verdicts, approved and waiting for review, and a key
    // whose name does not fit a phone's header beside its role.
    beforeAll(async () => {
      const publisher = admin.as(keys.publisher);
      const files = { 'config.json': configJson('BertForSequenceClassification') };
      const long = { namespace: 'tour', task: 'text-classification', description: 'Long names and long license ids. '.repeat(6) };
      await publisher.publish(
        { ...long, name: 'an-approved-model-with-a-rather-long-name', license: 'stabilityai-ai-community' },
        '1.0',
        files,
      );
      await publisher.publish(
        { ...long, name: 'a-pending-model-with-a-rather-long-name', license: 'nvidia-open-model-license' },
        '1.0',
        files,
      );
      await admin.as(keys.reviewer).approve('tour/an-approved-model-with-a-rather-long-name', '1.0');
      viewer = (await admin.call('POST', '/v1/keys', { name: 'A viewer whose key has a rather long name', role: 'viewer' })).key;
    }, 60_000);

    const tourOf = async (key: string | undefined, stops: TourStop[]) => {
      const { page, errors } = await open(key);
      expect(await tourProblems(page, stops)).toEqual([]);
      expect(errors).toEqual([]);
    };

    it('for a viewer, and signed out', async () => {
      const checkNotAllowed = async (page: Page) => {
        await page.getByRole('button', { name: 'Check', exact: true }).click();
        await page.locator('.check-result').waitFor();
      };
      await tourOf(viewer, [
        { name: 'catalog', url: '/' },
        { name: 'catalog-empty', url: '/?q=nothing-matches-this' },
        { name: 'model-overview', url: '/models/hub-org/sentiment-bert' },
        { name: 'model-files', url: '/models/hub-org/sentiment-bert?tab=files' },
        { name: 'model-use', url: '/models/acme/nc-vision?tab=use' },
        { name: 'model-license-check', url: '/models/acme/nc-vision?tab=license', act: checkNotAllowed },
        { name: 'model-long-license', url: '/models/tour/an-approved-model-with-a-rather-long-name?tab=license', act: checkNotAllowed },
        { name: 'model-scan', url: '/models/hub-org/sentiment-bert?tab=scan' },
        { name: 'model-benchmarks', url: '/models/acme/nc-vision?tab=benchmarks' },
        { name: 'model-history', url: '/models/lab/detector?version=1.0&tab=history' },
        { name: 'model-versions', url: '/models/lab/recalled?tab=versions' },
        { name: 'model-revoked', url: '/models/lab/recalled?version=1.0' },
        { name: 'model-missing', url: '/models/acme/does-not-exist' },
        { name: 'not-found', url: '/no/such/page' },
        { name: 'wrong-role', url: '/reviews' },
      ]);
      await tourOf(undefined, [{ name: 'sign-in', url: '/' }]);
    }, 180_000);

    it('for a reviewer and a publisher', async () => {
      await tourOf(keys.reviewer, [
        { name: 'review-queue', url: '/reviews' },
        { name: 'model-pending-files', url: '/models/lab/detector?version=2.0&tab=files' },
      ]);
      const { items } = await admin.call('GET', '/v1/imports?limit=100');
      const failed = items.find((job: { status: string }) => job.status === 'failed');
      const succeeded = items.find((job: { status: string }) => job.status === 'succeeded');
      await tourOf(keys.publisher, [
        { name: 'imports', url: '/imports' },
        { name: 'import-failed', url: `/imports/${failed.id}` },
        { name: 'import-succeeded', url: `/imports/${succeeded.id}` },
        { name: 'model-benchmark-form', url: '/models/acme/nc-vision?tab=benchmarks' },
      ]);
    }, 180_000);

    it('for an admin', async () => {
      const webhook = await admin.call('POST', '/v1/webhooks', {
        url: 'http://127.0.0.1:9/a/rather/long/path/for/a/webhook/that/nobody/listens/to',
        events: ['import.failed'],
        namespace: 'tour',
        description: 'checked by the layout tour',
      });
      await tourOf(admin.key, [
        { name: 'webhooks', url: '/webhooks' },
        { name: 'webhook', url: `/webhooks/${webhook.id}` },
        { name: 'catalog-admin', url: '/' },
      ]);
    }, 180_000);
  });
});
