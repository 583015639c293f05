/**
 * The rounds a server instance publishes, held in memory: each round's record and, for a sealed
 * round, every ballot by user. A cast answers with the voter's whole ballot and the round's new
 * version, so publishing after a cast reads nothing from the database: the held copy moves on
 * by that one ballot. It moves only in version order (a gap waits for the missing change), so a
 * published tally of version v counts every change up to v.
 *
 * Its totals move on the same way: only the ballots changed since the last count are counted
 * again, unless what a target counts for (the board's grouping) or the cap changed.
 *
 * The database stays the authority: a round is loaded again whenever the held copy may be
 * behind (a facilitator's transition, another instance's write over Redis, a gap).
 */
import { countBallot, type ItemOf } from '../../core/session/vote-rules.js';
import type { Ballot, CastResult, RoundRecord, Storage } from './types.js';

interface Change {
  user: string;
  ballot: Ballot;
  round: RoundRecord;
}

export interface HeldRound {
  record: RoundRecord;
  /** sealed rounds: user → ballot (empty for rounds whose ballots are not on the server) */
  ballots: Map<string, Ballot>;
}

export interface Totals {
  respondents: number;
  counts: Map<string, number>;
}

/** Totals as last counted, with what each ballot added (countBallot), to take out again. */
interface Counted extends Totals {
  cap: number;
  grouping: number;
  perUser: Map<string, Map<string, number>>;
}

interface Entry extends HeldRound {
  /** changes of later versions, waiting for the ones before them */
  ahead: Map<number, Change>;
  stale: boolean;
  counted: Counted | null;
  /** users whose ballot changed since the last count */
  dirty: Set<string>;
}

export class HeldRounds {
  private readonly rounds = new Map<string, Entry>();
  /** changes that arrive while a round is being loaded: applied on top of what was read */
  private readonly loading = new Map<string, Change[]>();

  constructor(private readonly storage: Storage) {}

  /** The held record, if any (a cast's checks may use it: a record's targets never change). */
  record(key: string): RoundRecord | null {
    return this.rounds.get(key)?.record ?? null;
  }

  /** A cast or withdrawal committed: the voter's ballot as it is now, at the round's new version. */
  voted(key: string, user: string, r: CastResult): void {
    const change = { user, ballot: r.ballot, round: r.round };
    this.loading.get(key)?.push(change);
    const e = this.rounds.get(key);
    if (e) advance(e, change);
  }

  /** The next reading must come from the database. */
  invalidate(key: string): void {
    const e = this.rounds.get(key);
    if (e) e.stale = true;
  }

  /** The board is unloaded: its rounds are read again when it is loaded. */
  forgetRoom(room: string): void {
    for (const key of this.rounds.keys()) if (key.startsWith(`${room}\n`)) this.rounds.delete(key);
  }

  /** The round as published next: held, or read again if it may be behind; null if none. */
  async get(key: string, room: string, id: string, reload: boolean): Promise<HeldRound | null> {
    const held = this.rounds.get(key);
    if (held && !reload && !held.stale && held.ahead.size === 0) return held;
    const buffered: Change[] = [];
    this.loading.set(key, buffered);
    try {
      const record = await this.storage.round(room, id);
      if (!record) {
        this.rounds.delete(key);
        return null;
      }
      const ballots = record.anonymity === 'sealed' ? await this.storage.ballots(room, id) : new Map<string, Ballot>();
      const e: Entry = { record, ballots, ahead: new Map(), stale: false, counted: null, dirty: new Set() };
      // Changes committed while reading: those past the record's version go on top, in order.
      for (const c of buffered) advance(e, c);
      this.rounds.set(key, e);
      return e;
    } finally {
      if (this.loading.get(key) === buffered) this.loading.delete(key);
    }
  }

  /**
   * A sealed round's totals as countHeld counts them now. `grouping` names the board's
   * grouping (it changes whenever what a target counts for may have changed): a new one, or a
   * new cap, counts every ballot again; otherwise only the ballots changed since.
   */
  totals(round: HeldRound, itemOf: ItemOf, grouping: number): Totals {
    const e = round as Entry;
    const cap = e.record.cap;
    let c = e.counted;
    if (!c || c.grouping !== grouping || c.cap !== cap) {
      c = e.counted = { cap, grouping, perUser: new Map(), counts: new Map(), respondents: 0 };
      e.dirty = new Set(e.ballots.keys());
    }
    for (const user of e.dirty) {
      const old = c.perUser.get(user);
      if (old) {
        for (const [t, n] of old) {
          const left = c.counts.get(t)! - n;
          if (left > 0) c.counts.set(t, left);
          else c.counts.delete(t);
        }
        c.perUser.delete(user);
        c.respondents--;
      }
      const ballot = e.ballots.get(user);
      const own = ballot ? countBallot(ballot, cap, itemOf) : null;
      if (own && own.size > 0) {
        for (const [t, n] of own) c.counts.set(t, (c.counts.get(t) ?? 0) + n);
        c.perUser.set(user, own);
        c.respondents++;
      }
    }
    e.dirty.clear();
    return { respondents: c.respondents, counts: c.counts };
  }
}

function advance(e: Entry, change: Change): void {
  if (change.round.version <= e.record.version) return;
  e.ahead.set(change.round.version, change);
  for (let next = e.ahead.get(e.record.version + 1); next; next = e.ahead.get(e.record.version + 1)) {
    e.ahead.delete(next.round.version);
    e.record = next.round;
    e.dirty.add(next.user);
    if (Object.keys(next.ballot).length > 0) e.ballots.set(next.user, next.ballot);
    else e.ballots.delete(next.user);
  }
}
