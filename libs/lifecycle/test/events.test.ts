import { createPrismaClient, type PrismaClient } from '@vetted/db';
import pg from 'pg';
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

const subjects = async (after?: bigint) => (await listEvents(db, { after, limit: 100, namespace: 'acme' })).map((row) => row.subjectId);

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  db = createPrismaClient(databaseUrl, 2);
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

  it('never lets a reader paging by seq pass an event whose transaction commits late', async () => {
    const [latest] = await db.$queryRaw<{ seq: bigint }[]>`SELECT coalesce(max(seq), 0) AS seq FROM domain_events`;
    const start = latest!.seq;
    // A slow transaction takes the next seq and stays open…
    const slow = new pg.Client({ connectionString: databaseUrl });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO domain_events (type, actor, actor_name, subject_type, subject_id, namespace, payload)
         VALUES ('model.created', 'key:test', 'tester', 'model', 'acme/late', 'acme', '{"model":"acme/late","source":"upload"}')`,
      );
      // …while a quick one commits after it, with a larger seq.
      await db.$transaction(async (tx) => recordEvent(tx, event('early')));
      // The reader sees neither yet: returning "early" would move its cursor past "late".
      expect(await subjects(start)).toEqual([]);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    await expect.poll(() => subjects(start)).toEqual(['acme/late', 'acme/early']);
  });
});
