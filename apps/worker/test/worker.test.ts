import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { loadConfig } from '@vetted/config';
import { JobQueue } from '@vetted/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from '../../api/test/api-harness.js';
import { JobRunner } from '../src/job-runner.service.js';
import { CONFIG } from '../src/tokens.js';
import { createWorker } from '../src/worker.js';

describe('worker', () => {
  let api: ApiHarness;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    api = await ApiHarness.start();
    const worker = await createWorker({ ...loadConfig({}), databaseUrl: api.databaseUrl, logLevel: 'error' });
    stopWorker = () => worker.close();
  });
  afterAll(async () => {
    await stopWorker?.();
    await api?.close();
  });

  it('consumes the model.created job the API queued and records it in the audit trail', async () => {
    const publisher = await api.keyFor('publisher');
    expect((await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'jobs', name: 'first' } })).status).toBe(201);
    await expect
      .poll(() => api.sql(`SELECT actor, action, subject_id FROM audit_events WHERE action = 'model.received'`), {
        timeout: 10_000,
        interval: 200,
      })
      .toEqual([{ actor: 'worker', action: 'model.received', subject_id: 'jobs/first' }]);
    const [job] = await api.sql(`SELECT state FROM pgboss.job WHERE name = 'model.created'`);
    expect(job?.state).toBe('completed');
  });

  it('refuses to start when a job type has no handler', async () => {
    @Module({
      imports: [DiscoveryModule],
      providers: [
        { provide: CONFIG, useValue: { ...loadConfig({}), databaseUrl: api.databaseUrl } },
        { provide: JobQueue, useValue: new JobQueue({ databaseUrl: api.databaseUrl, supervise: false, applicationName: 'test' }) },
        JobRunner,
      ],
    })
    class HandlerlessModule {}
    await expect(NestFactory.createApplicationContext(HandlerlessModule, { logger: false })).rejects.toThrow(
      'No handler for job type(s): model.created',
    );
  });
});
