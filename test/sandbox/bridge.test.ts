import { describe, expect, it, vi } from 'vitest';
import type { SdkStickyNote } from '../../src/board/sdk.js';
import { serveStandIn } from '../../sandbox/host/bridge.js';
import { installSandboxMiro, type ClientWindowLike } from '../../sandbox/client/install.js';
import { WIRE, type HostMessage } from '../../sandbox/host/protocol.js';
import { fakePage } from './fake-window.js';
import { boardWith, refusedWith } from './helpers.js';

const settle = () => new Promise((r) => setTimeout(r, 5));

function setup() {
  const board = boardWith(['u1', 'u2']);
  const page = fakePage();
  const refused: string[] = [];
  const bridge = serveStandIn(board, { window: page.host, onRefused: (reason) => refused.push(reason) });
  const f1 = page.frame('http://127.0.0.1:5173/panel.html?user=u1');
  const f2 = page.frame('http://127.0.0.1:5173/panel.html?user=u2');
  return { board, page, bridge, refused, f1, f2, miro1: installSandboxMiro({ window: f1.window }), miro2: installSandboxMiro({ window: f2.window }) };
}

describe('bridge: host and iframe over postMessage', () => {
  it('installs window.miro for the user named in the iframe URL', async () => {
    const { f1, miro1, bridge } = setup();
    expect(f1.window.miro).toBe(miro1);
    expect(await miro1.ready()).toMatchObject({ instanceId: expect.any(String) });
    expect(await miro1.board.getUserInfo()).toEqual({ id: 'u1', name: 'User u1' });
    expect(bridge.connections()).toBe(2);
  });

  it('create → setMetadata → frame.add round trip, with working item objects', async () => {
    const { board, miro1 } = setup();
    const frame = await miro1.board.createFrame({ title: 'F', x: 0, y: 0, width: 400, height: 400 });
    const note = await miro1.board.createStickyNote({ content: '<p>hej</p>', x: 100, y: -100, width: 100, style: { fillColor: 'light_green' } });
    expect(await note.setMetadata('tryghed', { id: 'n1' })).toEqual({ tryghed: { id: 'n1' } });
    expect(await note.getMetadata('tryghed')).toEqual({ id: 'n1' });
    await frame.add(note);
    expect(note.parentId).toBe(frame.id);
    expect([note.x, note.y]).toEqual([300, 100]);
    expect(frame.childrenIds).toEqual([note.id]);
    note.content = '<p>ny</p>';
    await note.sync();
    const host = board.item(note.id)!;
    expect(host).toMatchObject({ parentId: frame.id, content: '<p>ny</p>', metadata: { tryghed: { tryghed: { id: 'n1' } } } });
    const again = (await miro1.board.getById(note.id)) as SdkStickyNote;
    expect(again.style.fillColor).toBe('light_green');
    expect(typeof again.sync).toBe('function');
  });

  it('a refusal arrives as an Error with its message, code and status', async () => {
    const { miro1 } = setup();
    const err = await refusedWith(miro1.board.createFrame({ x: 0, y: 0, width: 50, height: 50 }), 'FRAME_TOO_SMALL');
    expect(err.message).toContain('at least 100x100');
    expect(err.status).toBe(400);
    const frame = await miro1.board.createFrame({ x: 0, y: 0, width: 200, height: 200 });
    const far = await miro1.board.createStickyNote({ content: 'x', x: 900, y: 900 });
    await refusedWith(frame.add(far), 'CHILD_OUTSIDE_FRAME');
    const limited = await refusedWith(miro1.board.events.broadcast('x', 'y'.repeat(70_000)), 'PAYLOAD_TOO_LARGE');
    expect(limited.status).toBe(413);
  });

  it('events go from one iframe to the other, not back to the sender; storage reaches both', async () => {
    const { miro1, miro2 } = setup();
    const got1: unknown[] = [];
    const got2: unknown[] = [];
    await miro1.board.events.on('y', (p) => got1.push(p));
    await miro2.board.events.on('y', (p) => got2.push(p));
    await miro1.board.events.broadcast('y', { update: 'AAEC' });
    const values: string[] = [];
    await miro1.board.storage.collection('s').onValue('snap', (v) => values.push(`1:${String(v)}`));
    await miro2.board.storage.collection('s').onValue('snap', (v) => values.push(`2:${String(v)}`));
    await miro2.board.storage.collection('s').set('snap', 'v1');
    await vi.waitFor(() => expect(got2.length + values.length).toBe(3));
    await settle();
    expect(got1).toEqual([]);
    expect(got2).toEqual([{ update: 'AAEC' }]);
    expect(values.sort()).toEqual(['1:v1', '2:v1']);
  });

  it('UI events reach the iframe as item objects', async () => {
    const { board, miro1, miro2 } = setup();
    const note = await miro1.board.createStickyNote({ content: 'x', x: 0, y: 0 });
    let selected: Array<{ id: string; setMetadata: unknown }> = [];
    miro2.board.ui.on('selection:update', (e: { items: typeof selected }) => { selected = e.items; });
    board.setSelection('u2', [note.id]);
    await vi.waitFor(() => expect(selected).toHaveLength(1));
    expect(selected.map((i) => i.id)).toEqual([note.id]);
    expect(typeof selected[0]!.setMetadata).toBe('function');
  });

  it('malformed messages get a clear error reply and never break the host', async () => {
    const { page, f1, refused, miro1 } = setup();
    const replies = () => f1.received.filter((m): m is Extract<HostMessage, { kind: 'result'; ok: false }> => (m as HostMessage).kind === 'result' && !(m as { ok: boolean }).ok);
    page.host.send({ wire: WIRE, kind: 'call', id: 900, method: 'board.dropTable', args: [] }, f1.contentWindow);
    page.host.send({ wire: WIRE, kind: 'call', id: 901, method: 'board.getInfo', args: 'nope' }, f1.contentWindow);
    page.host.send({ wire: WIRE, kind: 'call', method: 'board.getInfo', args: [] }, f1.contentWindow);
    page.host.send({ wire: WIRE, kind: 'launch' }, f1.contentWindow);
    page.host.send({ wire: WIRE, kind: 'call', id: 902, method: 'board.getById', args: [{ not: 'an id' }] }, f1.contentWindow);
    page.host.send({ wire: WIRE, kind: 'call', id: 903, method: 'board.createStickyNote', args: [null] }, f1.contentWindow);
    page.host.send({ wire: WIRE, kind: 'call', id: 904, method: 'item.sync', args: [] }, f1.contentWindow);
    page.host.send('not even an object', f1.contentWindow); // other traffic: ignored silently
    page.host.send({ wire: WIRE, kind: 'hello', user: 'u1' }, null); // no source: cannot answer
    // Seven calls get an answer (900–904 and the two without an id); wait for them, not for a fixed time.
    await vi.waitFor(() => expect(replies()).toHaveLength(7));
    const errs = replies();
    const byId = (id: number | null) => errs.filter((e) => e.id === id).map((e) => e.error.code);
    expect(byId(900)).toEqual(['MALFORMED_MESSAGE']);
    expect(byId(901)).toEqual(['MALFORMED_MESSAGE']);
    expect(byId(null)).toEqual(['MALFORMED_MESSAGE', 'MALFORMED_MESSAGE']);
    expect(byId(902)).toEqual(['INVALID_ARGUMENT']);
    expect(byId(903)).toEqual(['INVALID_ARGUMENT']);
    expect(byId(904)).toEqual(['INVALID_ARGUMENT']);
    expect(errs.find((e) => e.id === 900)!.error.message).toMatch(/unknown method "board\.dropTable"/);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    // The host still serves.
    expect(await miro1.board.getInfo()).toMatchObject({ id: 'sandbox-board' });
  });

  it('an iframe for an unknown user, or one claiming another user, is refused', async () => {
    const { page, bridge } = setup();
    const ghost = page.frame('http://127.0.0.1:5173/panel.html?user=ghost');
    const miro = installSandboxMiro({ window: ghost.window });
    await expect(miro.ready()).rejects.toMatchObject({ code: 'UNKNOWN_USER' });
    await refusedWith(miro.board.getInfo(), 'UNKNOWN_USER');
    const pinned = page.frame('http://127.0.0.1:5173/panel.html?user=u2');
    bridge.register(pinned.contentWindow, 'u1');
    const liar = installSandboxMiro({ window: pinned.window });
    await expect(liar.ready()).rejects.toMatchObject({ code: 'UNKNOWN_USER' });
  });

  it('without a host, ready() rejects with a clear error instead of hanging', async () => {
    const lonely = fakePage().frame('http://127.0.0.1:5173/panel.html?user=u1'); // no serveStandIn on this page
    const miro = installSandboxMiro({ window: lonely.window, helloTimeoutMs: 20 });
    await expect(miro.ready()).rejects.toThrow(/no answer from the sandbox host/);
    const self = { location: { href: 'http://x/?user=u1' }, addEventListener: () => {} } as unknown as ClientWindowLike;
    (self as { parent: unknown }).parent = self;
    expect(() => installSandboxMiro({ window: self })).toThrow(/not inside the sandbox page/);
  });

  it('a removed iframe stops receiving events', async () => {
    const { bridge, f2, miro1, miro2 } = setup();
    await miro2.ready();
    const got: unknown[] = [];
    await miro2.board.events.on('z', (p) => got.push(p));
    bridge.unregister(f2.contentWindow);
    await miro1.board.events.broadcast('z', 1);
    await settle();
    expect(got).toEqual([]);
    expect(bridge.connections()).toBe(1);
  });
});
