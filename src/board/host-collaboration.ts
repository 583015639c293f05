/**
 * Miro's collaboration features behind the Host port (see host-port.ts): every call through
 * the board's SdkGate. Miro's `canUse` does not know collaboration ('timer' | 'voting' only),
 * so `available()` asks once (`getSessions`) and remembers; any later refusal that is not a rate
 * limit (the gate retries those) turns into the fallback answer, with a warning, never a throw.
 */
import { isRateLimitError } from './gate.js';
import type { HostCollaboration, Person, ShowOutcome } from './host-port.js';
import type { MiroSdk, SdkBaseItem, SdkSession } from './sdk.js';

export interface CollaborationDeps {
  call<T>(fn: () => Promise<T>): Promise<T>;
  me(): Promise<Person>;
  /** This user's own view: the fallback of `showEveryone`. */
  zoomOwn(ids: readonly string[]): Promise<void>;
  /** Items by id, for the SDK's calls that take items. */
  items(ids: readonly string[]): Promise<SdkBaseItem[]>;
}

const who = (p: Person) => ({ id: p.id, name: p.name });

export class WebSdkCollaboration implements HostCollaboration {
  private offered: Promise<boolean> | null = null;
  private session: SdkSession | null = null;

  constructor(
    private readonly sdk: MiroSdk,
    private readonly deps: CollaborationDeps,
  ) {}

  available(): Promise<boolean> {
    // A rate limit that outlasted the retries says nothing about the feature: ask again next time.
    this.offered ??= this.deps.call(() => this.sdk.board.collaboration.getSessions()).then(
      () => true,
      (e: unknown) => {
        if (isRateLimitError(e)) this.offered = null;
        else console.warn('Tryghed: Miro collaboration is not offered here; each panel moves its own view', e);
        return false;
      },
    );
    return this.offered;
  }

  async startSession(name: string): Promise<Person[] | null> {
    if (!(await this.available())) return null;
    return this.attempt(async () => {
      const session = await this.running(name);
      const [me, online] = await Promise.all([this.deps.me(), this.online()]);
      const inside = new Set(await this.members(session));
      const newcomers = online.filter((p) => p.id !== me.id && !inside.has(p.id));
      if (newcomers.length > 0) await this.deps.call(() => session.invite(newcomers.map(who)));
      const now = new Set(await this.members(session));
      return online.filter((p) => now.has(p.id));
    }, null);
  }

  async invite(people: readonly Person[]): Promise<boolean> {
    const session = this.session;
    if (!session || people.length === 0) return false;
    return this.attempt(async () => (await this.deps.call(() => session.invite(people.map(who))), true), false);
  }

  async showEveryone(ids: readonly string[]): Promise<ShowOutcome> {
    const own: ShowOutcome = { via: 'own-view' };
    const session = this.session;
    if (!session || ids.length === 0) return this.zoomOwn(ids, own);
    return this.attempt(async () => {
      const [me, items, members] = await Promise.all([this.deps.me(), this.deps.items(ids), this.members(session)]);
      if (items.length === 0) return own; // gone from the board: nothing to show anyone
      const online = new Map((await this.online()).map((p) => [p.id, p]));
      const reached: string[] = [me.id];
      await this.deps.zoomOwn(ids);
      await Promise.all(
        members
          .filter((id) => id !== me.id && online.has(id))
          .map(async (id) => {
            await this.deps.call(() => this.sdk.board.collaboration.zoomTo(who(online.get(id)!), items));
            reached.push(id);
          }),
      );
      return { via: 'collaboration', reached } satisfies ShowOutcome;
    }, null).then((r) => r ?? this.zoomOwn(ids, own));
  }

  async bringEveryone(): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    return this.attempt(async () => {
      const [me, others] = await this.others(session);
      if (others.length > 0) await this.deps.call(() => this.sdk.board.collaboration.attention.follow(who(me), { followers: others.map(who) }));
      return true;
    }, false);
  }

  async release(): Promise<void> {
    const session = this.session;
    if (!session) return;
    await this.attempt(async () => {
      const [me, others] = await this.others(session);
      if (others.length > 0) await this.deps.call(() => this.sdk.board.collaboration.attention.unfollow({ followee: who(me), followers: others.map(who) }));
      return true;
    }, false);
  }

  async following(): Promise<Person | null> {
    if (!(await this.available())) return null;
    return this.attempt(async () => {
      if (!(await this.deps.call(() => this.sdk.board.collaboration.attention.isFollowing()))) return null;
      const p = await this.deps.call(() => this.sdk.board.collaboration.attention.getFollowedUser());
      return { id: String(p.id), name: p.name };
    }, null);
  }

  async endSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) await this.attempt(async () => (await this.deps.call(() => session.end()), true), false);
  }

  /** This app's running session (joined), or a new one. */
  private async running(name: string): Promise<SdkSession> {
    const me = await this.deps.me();
    const sessions = await this.deps.call(() => this.sdk.board.collaboration.getSessions());
    const found = sessions.find((s) => s.id === this.session?.id) ?? sessions.find((s) => s.starterId === me.id) ?? sessions[0];
    if (found) {
      if (!(await this.members(found)).includes(me.id)) await this.deps.call(() => found.join());
      return (this.session = found);
    }
    return (this.session = await this.deps.call(() => this.sdk.board.collaboration.startSession({ name })));
  }

  private async members(session: SdkSession): Promise<string[]> {
    return (await this.deps.call(() => session.getUsers())).map((u) => String(u.id));
  }

  private async online(): Promise<Person[]> {
    return (await this.deps.call(() => this.sdk.board.getOnlineUsers())).map((u) => ({ id: String(u.id), name: u.name }));
  }

  /** Me, and the others in the session who are online (with their names, as attention needs them). */
  private async others(session: SdkSession): Promise<[Person, Person[]]> {
    const [me, members, online] = await Promise.all([this.deps.me(), this.members(session), this.online()]);
    const inside = new Set(members);
    return [me, online.filter((p) => p.id !== me.id && inside.has(p.id))];
  }

  private async zoomOwn(ids: readonly string[], outcome: ShowOutcome): Promise<ShowOutcome> {
    if (ids.length > 0) await this.deps.zoomOwn(ids);
    return outcome;
  }

  /** Runs a collaboration step; a refusal (the session ended, someone left, not offered) is `fallback`. */
  private async attempt<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      // The session is gone (ended elsewhere): forget it, so the next start makes a new one.
      if (code === 'SESSION_NOT_FOUND') this.session = null;
      console.warn('Tryghed: a Miro collaboration call was refused; falling back', e);
      return fallback;
    }
  }
}
