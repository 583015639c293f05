/**
 * Sealed pulses on a real server (SQLite and PostgreSQL): five participants answer through
 * the server call, their answers stay in the server's database, and what leaves it is the
 * respondent count until the facilitator reveals with at least k answers, then scored counts
 * per item. The encoded docs every client holds carry no respondent's id, name or answer, in
 * any encoding; nothing is shown below k.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  aggregatePulse, facilitatorOf, getPulse, PRESENCE_FIELD, MemoryBallotKeyStore, PulseService, publishedPulsesMap, pulseAnswersMap, pulseResult, pulsesMap, readPublishedPulse,
} from '../../src/core/session/index.js';
import { PostgresStorage } from '../../src/server/persistence-postgres.js';
import { SqliteStorage } from '../../src/server/persistence-sqlite.js';
import { ServerPulses } from '../../src/sync/server-pulses.js';
import { findSecrets } from '../support/byte-search.js';
import { answerForms, pulsePeople } from '../support/pulse-people.js';
import { client, control, must, ROOM, startServer, waitFor, type Started, joiner } from './support/helpers.js';
import { startPostgres, type Service } from './support/services.js';

const people = pulsePeople;

describe('sealed pulses on the server', () => {
  let pg: Service;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 90_000);
  afterAll(() => pg?.stop());

  for (const store of ['sqlite', 'postgres'] as const) {
    it(`${store}: answers stay in the database; only the count, then aggregates from k on, leave it`, async () => {
      const s: Started = await startServer(store === 'postgres' ? { databaseUrl: pg.url } : {});
      const room = joiner(() => s.url);
      const join = async (user: string) => {
        const c = await room.join(user);
        c.awareness.setLocalStateField(PRESENCE_FIELD, { name: people.find((p) => p.id === user)?.name ?? user, user });
        return c;
      };
      try {
        const fac = await join('fac');
        const ps = await Promise.all(people.map((p) => join(p.id)));
        must(await control(fac).apply({ type: 'start-session' }));
        const { pulseId } = must(await control(fac).apply({ type: 'create-pulse', pulse: { anonymity: 'sealed', label: 'Før' } }));
        const services = ps.map((c) => new PulseService(c.doc, new MemoryBallotKeyStore(), new ServerPulses(c)));
        await waitFor(() => ps.every((c) => pulsesMap(c.doc).has(pulseId)), 'pulse everywhere');
        expect(await services[0]!.answer(pulseId, people[0]!.answers)).toMatchObject({ ok: false, error: 'not-open' });
        must(await control(fac).apply({ type: 'open-pulse', pulseId }));
        await waitFor(() => ps.every((c) => getPulse(c.doc, pulseId)?.status === 'open' && facilitatorOf(c.doc) === 'fac'), 'open everywhere');

        // Four answer: the count shows, nothing else, also after reveal (k = 5).
        for (let i = 0; i < 4; i++) expect(await services[i]!.answer(pulseId, people[i]!.answers)).toEqual({ ok: true, value: null });
        expect(await services[0]!.answer(pulseId, [1, 2, 3])).toMatchObject({ ok: false, error: 'invalid' });
        await waitFor(() => readPublishedPulse(fac.doc, pulseId)?.respondents === 4, 'count of four');
        expect(readPublishedPulse(fac.doc, pulseId)).toEqual({ respondents: 4, counts: [], publishedAt: 0 });
        expect(await services[1]!.mine(pulseId)).toEqual(people[1]!.answers);
        // The fifth answers, then changes their mind: one answer per person.
        expect((await services[4]!.answer(pulseId, [7, 7, 7, 7, 7, 7, 7])).ok).toBe(true);
        expect((await services[4]!.answer(pulseId, people[4]!.answers)).ok).toBe(true);
        await waitFor(() => readPublishedPulse(fac.doc, pulseId)?.respondents === 5, 'count of five');
        expect(pulseResult(ps[2]!.doc, pulseId)).toMatchObject({ visible: false, reason: 'not-revealed', respondents: 5 });

        must(await control(fac).apply({ type: 'reveal-pulse', pulseId }));
        await waitFor(() => ps.every((c, i) => pulseResult(ps[i]!.doc, pulseId).visible), 'aggregates everywhere');
        const r = pulseResult(ps[3]!.doc, pulseId);
        expect(r.visible && r.aggregate).toEqual(aggregatePulse(people.map((p) => p.answers), 5));
        expect(await services[0]!.answer(pulseId, people[0]!.answers)).toMatchObject({ ok: false, error: 'not-open' });

        // What every client holds: no id, no name, no single answer; no answer map at all.
        const secrets = [...people.flatMap((p) => [p.id, p.name]), ...people.flatMap((p) => answerForms(p.answers))];
        for (const c of [fac, ...ps]) {
          for (const d of [c.doc, c.controlDoc]) {
            expect(findSecrets(Y.encodeStateAsUpdate(d), secrets)).toEqual([]);
            expect(findSecrets(Y.encodeStateAsUpdateV2(d), secrets)).toEqual([]);
          }
          expect(pulseAnswersMap(c.doc).has(pulseId)).toBe(false);
          expect(JSON.stringify(publishedPulsesMap(c.doc).toJSON())).not.toMatch(/345876459999/);
        }
        // … and the answers are in the server's database, under the signed-in user.
        const db = s.server.storage as SqliteStorage | PostgresStorage;
        expect((await db.pulseAnswers(ROOM, pulseId)).sort()).toEqual(people.map((p) => p.answers).sort());
        expect(await db.pulseAnswer(ROOM, pulseId, people[2]!.id)).toEqual(people[2]!.answers);
      } finally {
        room.closeAll();
        await s.stop();
      }
    }, 60_000);
  }
});
