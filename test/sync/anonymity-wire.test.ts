/**
 * Anonymous rounds over Miro's channel (the real transport on the sandbox's stand-in): three
 * participants, each with presence set as the app sets it (name and user id), vote in two
 * anonymous rounds. Every value in Miro's app storage and every doc message in every broadcast
 * (frames reassembled from their chunks) is searched for the voters' ids and names in every
 * encoding: none is there. Presence messages, which name people on purpose (the panel's "who is
 * here"), are left out of the search and shown to name them, so the search sees the frames.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StandInBoard } from '../../sandbox/host/stand-in.js';
import { ballotsMap, LocalVoteService, MemoryBallotKeyStore, PRESENCE_FIELD, startSession } from '../../src/core/session/index.js';
import { createRound, openRound } from '../../src/core/session/round-commands.js';
import { getRound } from '../../src/core/session/rounds.js';
import { channelFromSdk, type MiroChannel } from '../../src/sync/miro-channel.js';
import { readMessage } from '../../src/sync/messages.js';
import { MiroTransport } from '../../src/sync/miro-transport.js';
import { decodeBase64, decodeFrame, type ChunkEnvelope } from '../../src/sync/wire.js';
import { findSecrets } from '../support/byte-search.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import WebSocket from 'ws';
import { ServerTransport } from '../../src/sync/server-transport.js';
import { anonymousBallotKey } from '../../src/server/ballot-guard.js';
import { cleanup, control, must, ROOM, SECRET, startServer, token, waitFor } from '../server/support/helpers.js';

const FAC = { userId: '3458764522220000001', name: 'Fie Facilitator' };
// Ids apart from the facilitator's and the notes' in their leading digits: ids that differ only
// in the last digit share most of their base64, which the search (rightly) reads as a find.
const VOTERS = [
  { userId: '3458764677770000002', name: 'Anne Mørk Jensen' },
  { userId: '3458764688880000003', name: 'Bo Østergaard' },
  { userId: '3458764699990000004', name: 'Åse Ærø' },
];
const NOTES = ['3458764511111111111', '3458764522222222222', '3458764533333333333'];
const fast = { flushMs: 250, joinTimeoutMs: 200, heartbeatMs: 1_000, presenceTimeoutMs: 4_000, pullDelayMs: [100, 300] as [number, number], replyStepMs: 100, saveDelayMs: 300, settleMs: 30 };

const live: MiroTransport[] = [];
afterEach(async () => {
  await Promise.all(live.splice(0).map((t) => t.leave()));
});

/** Whole frames from the recorded chunks, split into doc messages and presence messages. */
function frames(chunks: readonly ChunkEnvelope[]): { doc: Uint8Array[]; presence: Uint8Array[] } {
  const parts = new Map<string, ChunkEnvelope[]>();
  for (const c of chunks) parts.set(`${c.s}/${c.k}`, [...(parts.get(`${c.s}/${c.k}`) ?? []), c]);
  const out = { doc: [] as Uint8Array[], presence: [] as Uint8Array[] };
  for (const list of parts.values()) {
    const got = [...new Map(list.map((c) => [c.i, c])).values()].sort((a, b) => a.i - b.i);
    if (got.length !== got[0]!.n) continue;
    const bytes = Buffer.concat(got.map((c) => decodeBase64(c.d)));
    const frame = decodeFrame(new Uint8Array(bytes));
    out.doc.push(frame.sv);
    for (const m of frame.messages) (readMessage(m).type === 'awareness' ? out.presence : out.doc).push(m);
  }
  return out;
}

describe('anonymous rounds over Miro’s channel', () => {
  it('no voter id or name in any stored value or any doc message broadcast, in any encoding', async () => {
    const standIn = new StandInBoard({ latencyMs: 1, jitterMs: 1, seed: 9 });
    const chunks: ChunkEnvelope[] = [];
    const stored: string[] = [];
    const join = (p: { userId: string; name: string }) => {
      standIn.addUser({ id: p.userId, name: p.name });
      const channel = channelFromSdk(standIn.sdkFor(p.userId), 'session-v1');
      const recorded: MiroChannel = {
        ...channel,
        broadcast: (event, payload) => (chunks.push(payload as unknown as ChunkEnvelope), channel.broadcast(event, payload)),
        storage: { ...channel.storage, set: (key: string, value: Parameters<MiroChannel['storage']['set']>[1]) => (stored.push(JSON.stringify(value)), channel.storage.set(key, value)) },
      } as MiroChannel;
      const t = new MiroTransport({ channel: recorded, ...fast, log: { warn: () => undefined } });
      t.awareness.setLocalStateField(PRESENCE_FIELD, { name: p.name, user: p.userId });
      live.push(t);
      return t;
    };
    const fac = join(FAC);
    const voters = VOTERS.map(join);
    await Promise.all([fac, ...voters].map((t) => t.whenSynced()));
    startSession(fac.doc, { userId: FAC.userId });
    const rounds = [0, 1].map(() => {
      const r = createRound(fac.doc, { userId: FAC.userId }, { question: 'Hvad fylder mest?', scope: { kind: 'selection' }, targets: NOTES, anonymity: 'anonymous', budget: 2, cap: 2 });
      if (!r.ok) throw new Error(r.message);
      openRound(fac.doc, { userId: FAC.userId }, { roundId: r.value.roundId });
      return r.value.roundId;
    });
    await waitFor(() => voters.every((t) => rounds.every((r) => getRound(t.doc, r)?.status === 'open')), 'the rounds reach everyone');
    for (const [i, t] of voters.entries()) {
      const svc = new LocalVoteService(t.doc, { actor: { userId: VOTERS[i]!.userId }, ballotKeys: new MemoryBallotKeyStore() });
      for (const r of rounds) {
        expect((await svc.cast(r, NOTES[i]!)).ok).toBe(true);
        expect((await svc.cast(r, NOTES[(i + 1) % 3]!)).ok).toBe(true);
      }
    }
    const facVotes = new LocalVoteService(fac.doc, { actor: { userId: FAC.userId }, ballotKeys: new MemoryBallotKeyStore() });
    await waitFor(() => rounds.every((r) => facVotes.tally(r).respondents === 3), 'every ballot reaches the facilitator', 15_000);
    await Promise.all(live.splice(0).map((t) => t.leave())); // each saves its snapshot on the way out

    const secrets = VOTERS.flatMap((v) => [v.userId, v.name]);
    const { doc, presence } = frames(chunks);
    expect(doc.length).toBeGreaterThan(10);
    expect(doc.flatMap((m) => findSecrets(m, secrets))).toEqual([]);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.flatMap((s) => findSecrets(s, secrets))).toEqual([]);
    // The search reads these frames: presence names people, as the panel's "who is here" does.
    expect(presence.flatMap((m) => findSecrets(m, [VOTERS[0]!.name])).length).toBeGreaterThan(0);
  });

  it('over the sync server: no voter id or name in any file the server wrote', async () => {
    const started = await startServer();
    try {
      const connect = (userId: string) => {
        const t = new ServerTransport({ url: started.url, room: ROOM, token: token(userId), WebSocketPolyfill: WebSocket });
        return t;
      };
      const fac = connect(FAC.userId);
      const voters = VOTERS.map((v) => connect(v.userId));
      await Promise.all([fac, ...voters].map((t) => t.whenSynced()));
      must(await control(fac).apply({ type: 'start-session' }));
      const { roundId } = must(await control(fac).apply({ type: 'create-round', round: { question: 'Hvad fylder mest?', scope: { kind: 'selection' }, targets: NOTES, anonymity: 'anonymous', budget: 2, cap: 2 } }));
      must(await control(fac).apply({ type: 'open-round', roundId }));
      await waitFor(() => voters.every((t) => getRound(t.doc, roundId)?.status === 'open'), 'the round reaches everyone');
      for (const [i, t] of voters.entries()) {
        // The key the server issues this person for the round (what the app's key store asks it for).
        const keys = new MemoryBallotKeyStore();
        keys.set(roundId, anonymousBallotKey(SECRET, ROOM, roundId, VOTERS[i]!.userId));
        const svc = new LocalVoteService(t.doc, { actor: { userId: VOTERS[i]!.userId }, ballotKeys: keys });
        expect((await svc.cast(roundId, NOTES[i]!)).ok).toBe(true);
      }
      await waitFor(() => ballotsMap(fac.doc).get(roundId)?.size === 3, 'every ballot reaches the facilitator');
      await Promise.all([fac, ...voters].map((t) => t.leave()));
      await started.stop();
      const secrets = VOTERS.flatMap((v) => [v.userId, v.name]);
      const files = readdirSync(started.dataDir).map((f) => ({ f, bytes: new Uint8Array(readFileSync(joinPath(started.dataDir, f))) }));
      expect(files.length).toBeGreaterThan(0);
      expect(files.flatMap(({ f, bytes }) => findSecrets(bytes, secrets).map((s) => `${s} in ${f}`))).toEqual([]);
      // The search reads these files: the facilitator, named in the control doc, is found.
      expect(files.flatMap(({ bytes }) => findSecrets(bytes, [FAC.userId])).length).toBeGreaterThan(0);
    } finally {
      cleanup(started.dataDir);
    }
  });
});
