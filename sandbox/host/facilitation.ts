/**
 * The stand-in's facilitation features: notifications, the board timer and
 * `board.collaboration` (sessions, attention, moving someone else's view), refusing what Miro
 * refuses:
 * - Collaboration is experimental in Miro and not on every plan: with `features.collaboration`
 *   off (the default) every collaboration call is refused (FEATURE_NOT_AVAILABLE). Miro's
 *   `canUse` does not know it ('timer' | 'voting' only): an app learns it from the refusal.
 * - With it on: attention and remote view control need a session the app started, and the
 *   people they move must have joined it (NOT_IN_SESSION). An invitation is accepted at once,
 *   unless the user is in `declining` (then they stay out, as when someone clicks away).
 *   One session per person: joining one leaves the other.
 * - The timer only where `canUse('timer')` (features.timer); a running timer is not started
 *   again (TIMER_RUNNING: Miro has `prolong` for that).
 * - A notification is at most 80 characters (MAX_NOTIFICATION_CHARS) and not empty.
 */
import { MAX_NOTIFICATION_CHARS } from '../../src/core/miro-rules.js';
import { refuse } from './errors.js';
import type { Args, MethodName, Rect4, Result, SessionData, TimerData, UserData } from './protocol.js';
import { requireFiniteNumber, requireString } from './rules.js';

interface Session extends SessionData {
  users: Set<string>;
}

/** What the facilitation features need of the board. */
export interface FacilitationHost {
  enabled(feature: 'timer' | 'collaboration'): boolean;
  now(): number;
  user(userId: string): UserData;
  isOnline(userId: string): boolean;
  viewportOf(userId: string): Rect4;
  setViewport(userId: string, rect: Rect4): void;
  fit(ids: string[], current: Rect4): Rect4;
  changed(change: { kind: 'notification'; userId: string; message: string } | { kind: 'timer' } | { kind: 'sessions' }): void;
}

export class Facilitation {
  /** Users who decline an invitation (a test or the page can add them). */
  readonly declining = new Set<string>();
  private readonly sessions = new Map<string, Session>();
  /** follower → followee */
  private readonly follows = new Map<string, string>();
  private readonly shown: Array<{ userId: string; message: string; at: number }> = [];
  private timerEndsAt: number | null = null;
  private nextSession = 0;
  private readonly moving = new Set<string>();

  constructor(private readonly host: FacilitationHost) {}

  // ---- notifications ----
  showInfo(userId: string, message: unknown): null {
    requireString(message, 'message');
    if (message.trim() === '') refuse('INVALID_ARGUMENT', 'showInfo: the message must not be empty');
    if (message.length > MAX_NOTIFICATION_CHARS) {
      refuse('INVALID_ARGUMENT', `showInfo: the message is ${message.length} characters; the limit is ${MAX_NOTIFICATION_CHARS}`);
    }
    this.shown.push({ userId, message, at: this.host.now() });
    this.host.changed({ kind: 'notification', userId, message });
    return null;
  }

  /** Notifications shown to `userId`, oldest first. */
  notificationsOf(userId: string): string[] {
    return this.shown.filter((n) => n.userId === userId).map((n) => n.message);
  }

  // ---- timer ----
  timer(): TimerData {
    this.needTimer();
    if (this.timerEndsAt !== null && this.timerEndsAt <= this.host.now()) this.timerEndsAt = null;
    return this.timerEndsAt === null ? { status: 'STOPPED' } : { status: 'STARTED', remainingMs: this.timerEndsAt - this.host.now() };
  }

  startTimer(duration: unknown): TimerData {
    requireFiniteNumber(duration, 'duration');
    if (duration <= 0) refuse('INVALID_ARGUMENT', 'timer.start: the duration must be positive (milliseconds)');
    if (this.timer().status === 'STARTED') refuse('TIMER_RUNNING', 'timer.start: the timer is already running (stop or prolong it)', 409);
    this.timerEndsAt = this.host.now() + duration;
    this.host.changed({ kind: 'timer' });
    return this.timer();
  }

  stopTimer(): TimerData {
    this.needTimer();
    this.timerEndsAt = null;
    this.host.changed({ kind: 'timer' });
    return { status: 'STOPPED' };
  }

  // ---- sessions ----
  startSession(userId: string, props: unknown): SessionData {
    this.needCollaboration();
    if (typeof props !== 'object' || props === null) refuse('INVALID_ARGUMENT', 'startSession: props must be an object');
    const { name, color, description } = props as Record<string, unknown>;
    requireString(name, 'name');
    if (name.trim() === '') refuse('INVALID_ARGUMENT', 'startSession: the name must not be empty');
    if (color !== undefined) requireString(color, 'color');
    if (description !== undefined) requireString(description, 'description');
    const starter = this.host.user(userId);
    const s: Session = {
      id: `session-${++this.nextSession}`,
      name,
      description: (description as string | undefined) ?? '',
      color: (color as string | undefined) ?? '#4262ff',
      starterId: starter.id,
      starterName: starter.name,
      users: new Set(),
    };
    this.sessions.set(s.id, s);
    this.join(s, userId);
    this.host.changed({ kind: 'sessions' });
    return this.data(s);
  }

  getSessions(): SessionData[] {
    this.needCollaboration();
    return [...this.sessions.values()].map((s) => this.data(s));
  }

  invite(sessionId: unknown, users: unknown): null {
    const s = this.session(sessionId);
    if (!Array.isArray(users)) refuse('INVALID_ARGUMENT', 'invite: users must be an array of online users');
    for (const u of users.flat() as unknown[]) {
      const id = (u as { id?: unknown } | null)?.id;
      requireString(id, 'user.id');
      this.host.user(id);
      if (!this.host.isOnline(id)) refuse('INVALID_ARGUMENT', `invite: user ${id} is not online on the board`);
      if (!this.declining.has(id)) this.join(s, id);
    }
    this.host.changed({ kind: 'sessions' });
    return null;
  }

  joinSession(userId: string, sessionId: unknown): null {
    this.join(this.session(sessionId), userId);
    this.host.changed({ kind: 'sessions' });
    return null;
  }

  leaveSession(userId: string, sessionId: unknown): null {
    this.session(sessionId).users.delete(userId);
    this.follows.delete(userId);
    this.host.changed({ kind: 'sessions' });
    return null;
  }

  sessionUsers(sessionId: unknown): Array<{ id: string }> {
    return [...this.session(sessionId).users].map((id) => ({ id }));
  }

  endSession(sessionId: unknown): null {
    const s = this.session(sessionId);
    for (const u of s.users) this.follows.delete(u);
    this.sessions.delete(s.id);
    this.host.changed({ kind: 'sessions' });
    return null;
  }

  /** Moves `user`'s view to the items: caller and user in one session. */
  zoomTo(userId: string, user: unknown, ids: unknown): null {
    this.needCollaboration();
    const target = this.userArg(user, 'user');
    if (!Array.isArray(ids) || ids.length === 0) refuse('INVALID_ARGUMENT', 'collaboration.zoomTo: items must be one or more items');
    this.together(userId, [target]);
    this.host.setViewport(target, this.host.fit(ids as string[], this.host.viewportOf(target)));
    return null;
  }

  // ---- attention ----
  follow(userId: string, followee: unknown, options: unknown): null {
    this.needCollaboration();
    const leader = this.userArg(followee, 'followee');
    const given = (options as { followers?: unknown } | undefined)?.followers;
    if (given !== undefined && !Array.isArray(given)) refuse('INVALID_ARGUMENT', 'follow: followers must be an array of online users');
    const followers = given === undefined ? [userId] : (given as unknown[]).map((f) => this.userArg(f, 'follower'));
    this.together(userId, [leader, ...followers]);
    for (const f of followers) {
      if (f === leader) continue;
      this.follows.set(f, leader);
      this.host.setViewport(f, this.host.viewportOf(leader));
    }
    return null;
  }

  unfollow(userId: string, options: unknown): null {
    this.needCollaboration();
    if (options === undefined) {
      this.follows.delete(userId);
      return null;
    }
    const o = options as { followee?: unknown; followers?: unknown };
    const leader = this.userArg(o.followee, 'followee');
    if (!Array.isArray(o.followers)) refuse('INVALID_ARGUMENT', 'unfollow: followers must be an array of online users');
    for (const f of o.followers.map((x: unknown) => this.userArg(x, 'follower'))) if (this.follows.get(f) === leader) this.follows.delete(f);
    return null;
  }

  isFollowing(userId: string): boolean {
    this.needCollaboration();
    return this.follows.has(userId);
  }

  followedUser(userId: string): UserData {
    this.needCollaboration();
    const leader = this.follows.get(userId);
    if (leader === undefined) refuse('NOT_FOLLOWING', 'getFollowedUser: this user follows nobody', 404);
    return { ...this.host.user(leader) };
  }

  /** Who `userId` follows, if anyone (host side). */
  followeeOf(userId: string): string | null {
    return this.follows.get(userId) ?? null;
  }

  /** A user's view moved: their followers' views go along (once each, however they chain). */
  viewportMoved(userId: string, rect: Rect4): void {
    if (this.moving.has(userId)) return;
    this.moving.add(userId);
    try {
      for (const [f, leader] of [...this.follows]) if (leader === userId && !this.moving.has(f)) this.host.setViewport(f, rect);
    } finally {
      this.moving.delete(userId);
    }
  }

  /** A user left the board: out of every session, nobody follows them. */
  userLeft(userId: string): void {
    for (const s of this.sessions.values()) s.users.delete(userId);
    this.follows.delete(userId);
    for (const [f, leader] of [...this.follows]) if (leader === userId) this.follows.delete(f);
  }

  // ---- internals ----
  private needCollaboration(): void {
    if (!this.host.enabled('collaboration')) {
      refuse('FEATURE_NOT_AVAILABLE', 'Collaboration (sessions, attention) is not available on this board', 403);
    }
  }

  private needTimer(): void {
    if (!this.host.enabled('timer')) refuse('FEATURE_NOT_AVAILABLE', 'The timer is not available on this board (canUse("timer") is false)', 403);
  }

  private session(id: unknown): Session {
    this.needCollaboration();
    requireString(id, 'sessionId');
    const s = this.sessions.get(id);
    if (!s) refuse('SESSION_NOT_FOUND', `Session ${id} has ended or never existed`, 404);
    return s;
  }

  private join(s: Session, userId: string): void {
    for (const other of this.sessions.values()) if (other !== s) other.users.delete(userId);
    s.users.add(userId);
  }

  private userArg(u: unknown, what: string): string {
    const id = (u as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') refuse('INVALID_ARGUMENT', `Invalid parameter "${what}": expected an online user ({ id, name })`);
    this.host.user(id);
    if (!this.host.isOnline(id)) refuse('INVALID_ARGUMENT', `${what} ${id} is not online on the board`);
    return id;
  }

  /** The caller and `others` are in one session (the caller's). */
  private together(userId: string, others: string[]): void {
    const s = [...this.sessions.values()].find((x) => x.users.has(userId));
    if (!s) refuse('NOT_IN_SESSION', 'Start or join a collaboration session first', 403);
    const out = others.filter((o) => !s.users.has(o));
    if (out.length > 0) refuse('NOT_IN_SESSION', `Not in the session: ${out.join(', ')}`, 403);
  }

  private data(s: Session): SessionData {
    const { users: _users, ...d } = s;
    return { ...d };
  }
}

type FacilitationMethod = Extract<MethodName, `notifications.${string}` | `timer.${string}` | `collaboration.${string}` | `session.${string}` | `attention.${string}`>;

/** The stand-in's handlers for these methods (the caller is `inst.userId`). */
export function facilitationHandlers(f: Facilitation): { [M in FacilitationMethod]: (inst: { userId: string }, ...args: Args<M>) => Result<M> } {
  return {
    'notifications.showInfo': (inst, message) => f.showInfo(inst.userId, message),
    'timer.get': () => f.timer(),
    'timer.start': (_i, duration) => f.startTimer(duration),
    'timer.stop': () => f.stopTimer(),
    'collaboration.startSession': (inst, props) => f.startSession(inst.userId, props),
    'collaboration.getSessions': () => f.getSessions(),
    'collaboration.zoomTo': (inst, user, ids) => f.zoomTo(inst.userId, user, ids),
    'session.invite': (_i, id, users) => f.invite(id, users),
    'session.join': (inst, id) => f.joinSession(inst.userId, id),
    'session.leave': (inst, id) => f.leaveSession(inst.userId, id),
    'session.getUsers': (_i, id) => f.sessionUsers(id),
    'session.end': (_i, id) => f.endSession(id),
    'attention.follow': (inst, followee, options) => f.follow(inst.userId, followee, options),
    'attention.unfollow': (inst, options) => f.unfollow(inst.userId, options),
    'attention.isFollowing': (inst) => f.isFollowing(inst.userId),
    'attention.getFollowedUser': (inst) => f.followedUser(inst.userId),
  };
}
