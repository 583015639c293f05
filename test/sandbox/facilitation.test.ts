/**
 * The stand-in's notifications, timer and collaboration refuse what Miro refuses (see
 * sandbox/host/facilitation.ts): collaboration not offered, no session, people outside it,
 * a notification over 80 characters, the timer where canUse('timer') is false.
 */
import { describe, expect, it } from 'vitest';
import { boardWith, refusedWith } from './helpers.js';

const person = (id: string) => ({ id, name: `User ${id}` });

describe('stand-in notifications', () => {
  it('shows a notification to the caller only, and refuses an empty one or one over 80 characters', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    await a.board.notifications.showInfo('Afstemningen er åben');
    expect(board.facilitation.notificationsOf('u1')).toEqual(['Afstemningen er åben']);
    expect(board.facilitation.notificationsOf('u2')).toEqual([]);
    await a.board.notifications.showInfo('x'.repeat(80));
    await refusedWith(a.board.notifications.showInfo('x'.repeat(81)), 'INVALID_ARGUMENT');
    await refusedWith(a.board.notifications.showInfo('  '), 'INVALID_ARGUMENT');
    await refusedWith(a.board.notifications.showInfo(42 as never), 'INVALID_ARGUMENT');
    expect(board.facilitation.notificationsOf('u1')).toHaveLength(2);
    expect(board.stats().calls['notifications.showInfo']).toBe(5); // metered, refused ones included
  });
});

describe('stand-in timer', () => {
  it('is refused where canUse("timer") is false; runs once, and is not started twice', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    expect(await a.board.canUse('timer')).toBe(false);
    await refusedWith(a.board.timer.start(60_000), 'FEATURE_NOT_AVAILABLE');
    board.features.timer = true;
    expect(await a.board.timer.get()).toMatchObject({ status: 'STOPPED' });
    await refusedWith(a.board.timer.start(-1), 'INVALID_ARGUMENT');
    expect(await a.board.timer.start(60_000)).toMatchObject({ status: 'STARTED' });
    await refusedWith(a.board.timer.start(1_000), 'TIMER_RUNNING');
    expect(await a.board.timer.stop()).toMatchObject({ status: 'STOPPED' });
    expect(await a.board.timer.start(1_000)).toMatchObject({ status: 'STARTED' });
  });
});

describe('stand-in collaboration', () => {
  it('refuses every collaboration call where it is not offered, and canUse does not know it', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    expect(await a.board.canUse('collaboration' as never)).toBe(false);
    await refusedWith(a.board.collaboration.getSessions(), 'FEATURE_NOT_AVAILABLE');
    await refusedWith(a.board.collaboration.startSession({ name: 'Workshop' }), 'FEATURE_NOT_AVAILABLE');
    await refusedWith(a.board.collaboration.attention.follow(person('u2'), { followers: [person('u1')] }), 'FEATURE_NOT_AVAILABLE');
    await refusedWith(a.board.collaboration.attention.isFollowing(), 'FEATURE_NOT_AVAILABLE');
  });

  it('moves other views and makes people follow only inside a session they joined', async () => {
    const board = boardWith(['u1', 'u2', 'u3', 'u4'], { features: { collaboration: true } });
    const [a, b, c] = ['u1', 'u2', 'u3'].map((u) => board.sdkFor(u));
    const note = await a!.board.createStickyNote({ content: 'x', x: 9000, y: 9000, width: 100 });
    // No session yet.
    await refusedWith(a!.board.collaboration.zoomTo(person('u2'), note), 'NOT_IN_SESSION');
    await refusedWith(a!.board.collaboration.attention.follow(person('u1'), { followers: [person('u2')] }), 'NOT_IN_SESSION');
    await refusedWith(a!.board.collaboration.startSession({ name: '' }), 'INVALID_ARGUMENT');
    const session = await a!.board.collaboration.startSession({ name: 'Workshop' });
    expect(session).toMatchObject({ name: 'Workshop', starterId: 'u1' });
    // u4 has no app open and is not on the board: not invitable.
    await refusedWith(session.invite([person('u4')]), 'INVALID_ARGUMENT');
    board.facilitation.declining.add('u3');
    await session.invite([person('u2'), person('u3')]);
    expect((await session.getUsers()).map((u) => u.id).sort()).toEqual(['u1', 'u2']);
    // Inside: u2's view moves; u3 declined and stays out.
    await a!.board.collaboration.zoomTo(person('u2'), note);
    const v = board.viewportOf('u2');
    expect(v.x < 9000 && v.x + v.width > 9000 && v.y < 9000 && v.y + v.height > 9000).toBe(true);
    await refusedWith(a!.board.collaboration.zoomTo(person('u3'), note), 'NOT_IN_SESSION');
    // Bring everyone: u2 follows u1 and goes where u1 goes.
    await a!.board.collaboration.attention.follow(person('u1'), { followers: [person('u2')] });
    expect(await b!.board.collaboration.attention.isFollowing()).toBe(true);
    expect(await b!.board.collaboration.attention.getFollowedUser()).toEqual(person('u1'));
    board.setViewport('u1', { x: 100, y: 200, width: 800, height: 600 });
    expect(board.viewportOf('u2')).toEqual({ x: 100, y: 200, width: 800, height: 600 });
    await refusedWith(c!.board.collaboration.attention.getFollowedUser(), 'NOT_FOLLOWING');
    await a!.board.collaboration.attention.unfollow({ followee: person('u1'), followers: [person('u2')] });
    expect(await b!.board.collaboration.attention.isFollowing()).toBe(false);
    // Ended: the session's calls are refused, and nobody is in it any more.
    await session.end();
    await refusedWith(session.getUsers(), 'SESSION_NOT_FOUND');
    await refusedWith(a!.board.collaboration.zoomTo(person('u2'), note), 'NOT_IN_SESSION');
  });

  it('one session per person: joining another leaves the first', async () => {
    const board = boardWith(['u1', 'u2', 'u3'], { features: { collaboration: true } });
    const [a, b, c] = ['u1', 'u2', 'u3'].map((u) => board.sdkFor(u));
    const first = await a!.board.collaboration.startSession({ name: 'One' });
    await first.invite([person('u3')]);
    const second = await b!.board.collaboration.startSession({ name: 'Two' });
    expect((await c!.board.collaboration.getSessions()).map((s) => s.name)).toEqual(['One', 'Two']);
    await (await c!.board.collaboration.getSessions())[1]!.join();
    expect((await first.getUsers()).map((u) => u.id)).toEqual(['u1']);
    expect((await second.getUsers()).map((u) => u.id).sort()).toEqual(['u2', 'u3']);
  });
});
