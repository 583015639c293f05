/**
 * The plate stays on the device: a participant writes three answers (PlateStore, as the panel
 * does) and puts a copy of one on the board (the action the panel calls after its
 * confirmation), while the session goes on (a cluster, a vote). Over Miro's channel and over
 * the sync server, the answers are then searched, in every encoding (test/support/byte-search.ts), in the
 * encoded docs, every value in Miro's app storage, every broadcast, every WebSocket frame both
 * ways and every file the server wrote. None is found; the shared answer is on the board as an
 * ordinary sticky in the plate's shared zone, and only there. The search is shown to work on
 * the same haystacks: a cluster label, which does go through them, is found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { StandInBoard } from '../../sandbox/host/stand-in.js';
import { perform as sharePlateAnswer } from '../../src/actions/share-plate-answer.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { createCluster, listClusters, LocalVoteService, MemoryBallotKeyStore, startSession } from '../../src/core/session/index.js';
import { getTemplate } from '../../src/core/template/catalogue.js';
import { channelFromSdk, type MiroChannel } from '../../src/sync/miro-channel.js';
import { MiroTransport } from '../../src/sync/miro-transport.js';
import type { SyncTransport } from '../../src/sync/transport.js';
import { ServerTransport } from '../../src/sync/server-transport.js';
import { plateKey, PlateStore } from '../../src/ui/plate-store.js';
import { contextFor } from '../actions/harness.js';
import { cleanup, control, ROOM, startServer, token, waitFor, type Started } from '../server/support/helpers.js';
import { leaks, type Haystack } from '../support/byte-search.js';

const FAC = '3458764511110000001';
const ANNE = '3458764511110000002';
const BOARD = 'uXjVOtest1=';
const ANSWERS = ['Aftensmad med børnene tre gange om ugen', 'Løbeturen om søndagen, uden telefon', 'At sige nej til møder efter klokken 16'];
const SHARED = ANSWERS[1]!;
const LABEL = 'Arbejdspres i hverdagen';
const fast = { flushMs: 250, joinTimeoutMs: 200, heartbeatMs: 1_000, presenceTimeoutMs: 4_000, pullDelayMs: [100, 300] as [number, number], replyStepMs: 100, saveDelayMs: 300, settleMs: 30 };

function memoryStorage(): Storage & { dump(): string } {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
    dump: () => JSON.stringify([...m]),
  };
}

/** The channel as the transport uses it, with every broadcast and stored value recorded. */
function recorded(channel: MiroChannel, log: Haystack[], who: string): MiroChannel {
  return {
    ...channel,
    broadcast: (event, payload) => (log.push({ where: `broadcast from ${who}`, data: JSON.stringify(payload) }), channel.broadcast(event, payload)),
    storage: {
      ...channel.storage,
      set: (key: string, value: Parameters<MiroChannel['storage']['set']>[1]) => (log.push({ where: `storage set by ${who}`, data: JSON.stringify(value) }), channel.storage.set(key, value)),
    },
  } as MiroChannel;
}

/** Everything Miro's app storage holds, whoever wrote it. */
function allStorage(standIn: StandInBoard): Haystack[] {
  const storage = (standIn as unknown as { storage: Map<string, Map<string, { value: unknown }>> }).storage;
  return [...storage].flatMap(([c, m]) => [...m].map(([k, v]) => ({ where: `storage ${c}/${k}`, data: JSON.stringify(v.value) })));
}

/** Anne's plate: three answers on her device; a copy of one put on the board. The session goes on around it. */
async function playPlate(standIn: StandInBoard, docs: { fac: Y.Doc; anne: Y.Doc }, start: () => Promise<unknown> | unknown) {
  const fac = contextFor(standIn.sdkFor(FAC), docs.fac, FAC);
  const anne = contextFor(standIn.sdkFor(ANNE), docs.anne, ANNE);
  const plate = await fac.board.insertLayout(layoutTemplate(getTemplate('plate'), 'da', { x: 0, y: 0 }), { at: { x: 0, y: 0 }, zoom: false });
  const note = standIn.hostCreate(ANNE, 'sticky_note', { content: '<p>For mange møder</p>', x: 6000, y: 0, width: 200 }).id;

  const device = memoryStorage();
  const store = new PlateStore(BOARD, ANNE, device);
  store.save({ answers: ANSWERS.map((text, i) => ({ id: `a${i}`, text })) });
  const shared = await sharePlateAnswer(anne.ctx, { text: SHARED });
  expect(shared.ok).toBe(true);

  await start();
  createCluster(docs.anne, { userId: ANNE }, { noteIds: [note], label: LABEL });
  const votes = new LocalVoteService(docs.anne, { actor: { userId: ANNE }, ballotKeys: new MemoryBallotKeyStore() });
  await votes.myVotes('none');
  return { plate, shared: shared.ok ? shared.value.noteId : '', device, store };
}

function checkBoard(standIn: StandInBoard, plateFrame: string, noteId: string) {
  const copy = standIn.item(noteId)!;
  expect(copy.type).toBe('sticky_note');
  expect(copy.content).toBe(`<p>${SHARED}</p>`);
  expect(copy.parentId).toBe(plateFrame);
  // In the plate's shared zone.
  const zone = getTemplate('plate').elements.find((e) => e.id === 'shared')!;
  const frame = standIn.item(plateFrame)!;
  const local = { x: copy.x - frame.x + frame.width / 2, y: copy.y - frame.y + frame.height / 2 };
  expect(local.x).toBeGreaterThan(zone.x);
  expect(local.y).toBeGreaterThan(zone.y);
  const board: Haystack = { where: 'board items', data: JSON.stringify(standIn.items().filter((i) => i.id !== noteId)) };
  expect(leaks([board], ANSWERS)).toEqual([]);
}

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the plate stays on the device', () => {
  it('over Miro’s channel: not in the docs, the app storage or any broadcast; the shared copy only on the board', async () => {
    const standIn = new StandInBoard({ latencyMs: 1, jitterMs: 1, seed: 3 });
    standIn.addUser({ id: FAC, name: 'Fie Facilitator' });
    standIn.addUser({ id: ANNE, name: 'Anne Mørk' });
    const log: Haystack[] = [];
    const join = (id: string) => {
      const t = new MiroTransport({ channel: recorded(channelFromSdk(standIn.sdkFor(id), 'session-v1'), log, id), ...fast, log: { warn: () => undefined } });
      cleanups.push(() => t.leave());
      return t;
    };
    const [f, a] = [join(FAC), join(ANNE)];
    await Promise.all([f.whenSynced(), a.whenSynced()]);
    const { plate, shared, device, store } = await playPlate(standIn, { fac: f.doc, anne: a.doc }, () => startSession(f.doc, { userId: FAC }));
    await waitFor(() => listClusters(f.doc).some((c) => c.label === LABEL), 'the cluster reaches the facilitator');
    await Promise.all([f.leave(), a.leave()]); // each writes its snapshot on the way out
    cleanups = [];

    const haystacks: Haystack[] = [
      ...log,
      ...allStorage(standIn),
      ...[f.doc, a.doc].flatMap((d, i) => [{ where: `doc ${i} v1`, data: Y.encodeStateAsUpdate(d) }, { where: `doc ${i} v2`, data: Y.encodeStateAsUpdateV2(d) }]),
    ];
    expect(leaks(haystacks, ANSWERS)).toEqual([]);
    // The search works on these haystacks: what does travel is found, in broadcasts and storage.
    const label = leaks(haystacks, [LABEL]).join('\n');
    expect(label).toMatch(/broadcast from/);
    expect(label).toMatch(/storage /);
    checkBoard(standIn, plate.frameId, shared);
    // On the device, under this board and user, as written.
    expect(device.getItem(plateKey(BOARD, ANNE))).toContain(ANSWERS[0]);
    expect(new PlateStore(BOARD, ANNE, device).load()).toEqual(store.load());
  });

  it('over the sync server: not in the docs, any WebSocket frame or any file the server wrote', async () => {
    const started: Started = await startServer();
    cleanups.push(() => cleanup(started.dataDir));
    cleanups.push(() => started.stop());
    const frames: Haystack[] = [];
    class Recording extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        this.on('message', (data: Buffer) => frames.push({ where: 'frame from the server', data: new Uint8Array(data) }));
      }
      override send(data: unknown, ...rest: unknown[]): void {
        frames.push({ where: 'frame to the server', data: data instanceof Uint8Array ? data : new TextEncoder().encode(String(data)) });
        (super.send as (...a: unknown[]) => void)(data, ...rest);
      }
    }
    const connect = (user: string) => new ServerTransport({ url: started.url, room: ROOM, token: token(user), WebSocketPolyfill: Recording });
    const [f, a] = [connect(FAC), connect(ANNE)];
    cleanups.push(() => Promise.all([f, a].map((t) => t.leave().catch(() => undefined))).then(() => undefined));
    await Promise.all([f.whenSynced(), a.whenSynced()]);
    const standIn = new StandInBoard({ latencyMs: 1, jitterMs: 1, seed: 4 });
    standIn.addUser({ id: FAC, name: 'Fie Facilitator' });
    standIn.addUser({ id: ANNE, name: 'Anne Mørk' });
    const { plate, shared } = await playPlate(standIn, { fac: f.doc, anne: a.doc }, () => control(f).apply({ type: 'start-session' }));
    await waitFor(() => listClusters(f.doc).some((c) => c.label === LABEL), 'the cluster reaches the facilitator');
    await Promise.all([f, a].map((t: SyncTransport) => t.leave()));
    cleanups = [() => cleanup(started.dataDir)];
    await started.stop();

    const files: Haystack[] = readdirSync(started.dataDir).map((name) => ({ where: `server file ${name}`, data: new Uint8Array(readFileSync(join(started.dataDir, name))) }));
    const haystacks = [...frames, ...files, ...[f.doc, a.doc].map((d, i) => ({ where: `doc ${i}`, data: Y.encodeStateAsUpdate(d) }))];
    expect(leaks(haystacks, ANSWERS)).toEqual([]);
    const label = leaks(haystacks, [LABEL]).join('\n');
    expect(label).toMatch(/frame to the server/);
    expect(label).toMatch(/server file/);
    checkBoard(standIn, plate.frameId, shared);
  });
});
