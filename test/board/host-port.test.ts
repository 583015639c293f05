/**
 * The Host port's view, notifications, timer, collaboration and channel over the stand-in:
 * every call through the board's gate (metered, rate limits retried), and a fallback (never a
 * throw) where the host refuses: collaboration not offered, a person who declined, no timer.
 */
import { describe, expect, it } from 'vitest';
import { StandInBoard, type StandInOptions } from '../../sandbox/host/stand-in.js';
import { notificationText, WebSdkHost } from '../../src/board/host.js';
import { WebSdkBoard } from '../../src/board/web-sdk-board.js';
import { MAX_NOTIFICATION_CHARS } from '../../src/core/miro-rules.js';

const people = ['fac', 'anne', 'bo', 'cai'] as const;

function setup(options: StandInOptions = {}) {
  const standIn = new StandInBoard(options);
  for (const id of people) standIn.addUser({ id, name: id.toUpperCase() });
  for (const id of people) standIn.setPanelOpen(id, true); // on the board with the app open: online
  const hosts: Record<(typeof people)[number], { host: WebSdkHost; board: WebSdkBoard }> = Object.fromEntries(
    people.map((id) => {
      const sdk = standIn.sdkFor(id);
      const board = new WebSdkBoard(sdk, { retry: { baseMs: 1, maxMs: 4 } });
      return [id, { host: new WebSdkHost(sdk, board), board }];
    }),
  ) as never;
  const note = standIn.hostCreate('anne', 'sticky_note', { content: '<p>Pauser</p>', x: 8000, y: 8000, width: 200 });
  return { standIn, ...hosts, note: note.id };
}

const sees = (v: { x: number; y: number; width: number; height: number }, x: number, y: number) => v.x < x && x < v.x + v.width && v.y < y && y < v.y + v.height;

describe('Host port: view and notifications', () => {
  it('zooms this user’s view to items, skipping ids no longer on the board, through the gate', async () => {
    const { standIn, anne, note } = setup();
    const before = anne.board.gate.stats.attempts;
    await anne.host.zoomTo([note, 'gone']);
    expect(sees(standIn.viewportOf('anne'), 8000, 8000)).toBe(true);
    expect(sees(standIn.viewportOf('fac'), 8000, 8000)).toBe(false);
    expect(sees(await anne.host.viewport(), 8000, 8000)).toBe(true);
    expect(anne.board.gate.stats.attempts).toBeGreaterThan(before);
  });

  it('shows Miro’s notification to this user, shortened to 80 characters; a refusal is false, not a throw', async () => {
    const { standIn, anne } = setup();
    expect(await anne.host.notify('Afstemningen »Hvad fylder mest?« er åben')).toBe(true);
    const long = `Afstemningen »${'Hvad skal vi tale mere om i lederteamet '.repeat(3)}« er åben`;
    expect(await anne.host.notify(long)).toBe(true);
    const shown = standIn.facilitation.notificationsOf('anne');
    expect(shown[0]).toBe('Afstemningen »Hvad fylder mest?« er åben');
    expect(shown[1]!.length).toBeLessThanOrEqual(MAX_NOTIFICATION_CHARS);
    expect(shown[1]!.endsWith('…')).toBe(true);
    expect(notificationText('  a\n  b ')).toBe('a b');
    standIn.failWhen((c) => c.method === 'notifications.showInfo');
    expect(await anne.host.notify('Resultatet er klar')).toBe(false);
  });

  it('retries a rate-limited call and meters it in the board’s budget', async () => {
    const { standIn, anne } = setup();
    const spent = anne.board.gate.budget.usage().total;
    standIn.injectRateLimitErrors({ next: 2 });
    expect(await anne.host.notify('Afstemningen er åben')).toBe(true);
    expect(anne.board.gate.stats.retries).toBe(2);
    expect(anne.board.gate.budget.usage().total - spent).toBe(3 * 50);
  });
});

describe('Host port: the board timer', () => {
  it('answers false where canUse("timer") is false, without touching the timer', async () => {
    const { standIn, fac } = setup();
    expect(await fac.host.startTimer(60_000)).toBe(false);
    expect(await fac.host.stopTimer()).toBe(false);
    expect(standIn.stats().calls['timer.start']).toBeUndefined();
  });

  it('starts the timer where the host has one, and starts it anew over a running one', async () => {
    const { standIn, fac } = setup({ features: { timer: true } });
    expect(await fac.host.startTimer(60_000)).toBe(true);
    expect(await fac.host.startTimer(30_000)).toBe(true); // refused as running: stopped, started again
    const t = standIn.facilitation.timer();
    expect(t.status).toBe('STARTED');
    expect(t.remainingMs).toBeLessThanOrEqual(30_000);
    expect(await fac.host.stopTimer()).toBe(true);
    expect(standIn.facilitation.timer().status).toBe('STOPPED');
  });
});

describe('Host port: collaboration', () => {
  it('where Miro does not offer it: unavailable, no session, and “show everyone” moves only my own view', async () => {
    const { standIn, fac, note } = setup();
    const c = fac.host.collaboration;
    expect(await c.available()).toBe(false);
    expect(await c.startSession('Tryghed')).toBeNull();
    expect(await c.showEveryone([note])).toEqual({ via: 'own-view' });
    expect(sees(standIn.viewportOf('fac'), 8000, 8000)).toBe(true);
    expect(sees(standIn.viewportOf('anne'), 8000, 8000)).toBe(false);
    expect(await c.bringEveryone()).toBe(false);
    expect(await c.following()).toBeNull();
    // Asked once, remembered.
    await c.available();
    expect(standIn.stats().calls['collaboration.getSessions']).toBe(1);
  });

  it('where it is offered: a session with everyone who accepts; their views move together; bring everyone and release', async () => {
    const { standIn, fac, anne, bo, cai, note } = setup({ features: { collaboration: true } });
    standIn.facilitation.declining.add('cai');
    const c = fac.host.collaboration;
    expect(await c.available()).toBe(true);
    const inside = await c.startSession('Tryghed');
    expect(inside?.map((p) => p.id).sort()).toEqual(['anne', 'bo', 'fac']);
    // Starting again joins the running session and invites nobody twice.
    expect((await c.startSession('Tryghed'))?.length).toBe(3);
    expect((await fac.host.collaboration.startSession('x'))?.length).toBe(3);
    expect(standIn.facilitation.getSessions()).toHaveLength(1);

    const shown = await c.showEveryone([note]);
    expect(shown.via).toBe('collaboration');
    expect(shown.via === 'collaboration' && [...shown.reached].sort()).toEqual(['anne', 'bo', 'fac']);
    for (const id of ['fac', 'anne', 'bo']) expect(sees(standIn.viewportOf(id), 8000, 8000), id).toBe(true);
    expect(sees(standIn.viewportOf('cai'), 8000, 8000)).toBe(false); // declined: moves their own

    expect(await c.bringEveryone()).toBe(true);
    expect(await anne.host.collaboration.following()).toEqual({ id: 'fac', name: 'FAC' });
    expect(await cai.host.collaboration.following()).toBeNull();
    standIn.setViewport('fac', { x: -500, y: -500, width: 1000, height: 800 });
    expect(standIn.viewportOf('bo')).toEqual({ x: -500, y: -500, width: 1000, height: 800 });
    await c.release();
    expect(await bo.host.collaboration.following()).toBeNull();

    // The session ended elsewhere: the next "show everyone" falls back, and the next start makes a new one.
    standIn.facilitation.endSession(standIn.facilitation.getSessions()[0]!.id);
    expect(await c.showEveryone([note])).toEqual({ via: 'own-view' });
    expect(await c.startSession('Tryghed')).not.toBeNull();
    await c.endSession();
    expect(standIn.facilitation.getSessions()).toHaveLength(0);
  });

  it('invites a newcomer to the running session', async () => {
    const { standIn, fac } = setup({ features: { collaboration: true } });
    standIn.facilitation.declining.add('bo');
    const c = fac.host.collaboration;
    await c.startSession('Tryghed');
    standIn.facilitation.declining.delete('bo');
    expect(await c.invite([{ id: 'bo', name: 'BO' }])).toBe(true);
    expect(standIn.facilitation.sessionUsers(standIn.facilitation.getSessions()[0]!.id).map((u) => u.id)).toContain('bo');
  });
});

describe('Host port: the Miro transport’s channel', () => {
  it('pays each broadcast and storage call through the board’s gate (one meter), retrying rate limits; subscribing is free', async () => {
    const { standIn, fac, anne } = setup();
    const got: unknown[] = [];
    await anne.host.channel('session-v1').on('sync', (p) => got.push(p));
    const ch = fac.host.channel('session-v1');
    const spent = () => fac.board.gate.budget.usage().total;
    const s0 = spent();
    await ch.on('sync', () => undefined);
    expect(spent()).toBe(s0);
    standIn.injectRateLimitErrors({ next: 1 });
    await ch.broadcast('sync', { n: 1 });
    await ch.storage.set('k', 'v');
    expect(await ch.storage.get('k')).toBe('v');
    await ch.storage.remove('k');
    expect(fac.board.gate.stats.retries).toBe(1);
    expect(spent() - s0).toBe(5 * 50);
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([{ n: 1 }]);
  });
});
