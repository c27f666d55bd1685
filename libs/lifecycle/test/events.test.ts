import { createPrismaClient, type PrismaClient } from '@vetted/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.js';
import { listEvents, type NewDomainEvent, recordEvent } from '../src/index.js';

let databaseUrl: string;
let db: PrismaClient;

const event = (name: string): NewDomainEvent => ({
  type: 'model.created',
  actor: 'key:test',
  actorName: 'tester',
  subjectType: 'model',
  subjectId: `acme/${name}`,
  namespace: 'acme',
  payload: { model: `acme/${name}`, source: 'upload' },
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setImmediate(resolve));
}

const subjects = async (after?: bigint) => (await listEvents(db, { after, limit: 100, namespace: 'acme' })).map((row) => row.subjectId);

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  db = createPrismaClient(databaseUrl, 4);
});
afterAll(() => db?.$disconnect());

describe('domain events', () => {
  it('are written with the change or not at all: a rolled-back transaction leaves no event', async () => {
    await db.$transaction(async (tx) => recordEvent(tx, event('kept')));
    await expect(
      db.$transaction(async (tx) => {
        await recordEvent(tx, event('rolled-back'));
        throw new Error('the change failed after its event was written');
      }),
    ).rejects.toThrow('the change failed');
    await expect.poll(() => subjects()).toEqual(['acme/kept']);
  });

  it('refuses a payload that does not match its type', async () => {
    const bad = { ...event('bad'), payload: { model: 42 } } as unknown as NewDomainEvent;
    await expect(db.$transaction(async (tx) => recordEvent(tx, bad))).rejects.toThrow();
  });

  it('numbers events in commit order: a writer waits until an earlier event’s transaction has ended', async () => {
    const [latest] = await db.$queryRaw<{ seq: bigint }[]>`SELECT coalesce(max(seq), 0) AS seq FROM domain_events`;
    const start = latest!.seq;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let recorded!: () => void;
    const slowRecorded = new Promise<void>((resolve) => (recorded = resolve));
    // A slow transaction records its event first and stays open…
    const slow = db.$transaction(
      async (tx) => {
        await recordEvent(tx, event('late'));
        recorded();
        await held;
      },
      { timeout: 120_000 },
    );
    await slowRecorded;
    // …so a quick one that records an event after it waits, instead of committing a larger seq first.
    let quickDone = false;
    const quick = db.$transaction(async (tx) => recordEvent(tx, event('early'))).then(() => (quickDone = true));
    await waitFor(
      async () =>
        (await db.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'`)
          .length > 0,
    );
    expect(quickDone).toBe(false);
    expect(await subjects(start)).toEqual([]);
    release();
    await slow;
    await quick;
    expect(await subjects(start)).toEqual(['acme/late', 'acme/early']);
  });
});
