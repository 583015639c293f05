/**
 * Where the owners of a board's Yjs client ids (client-ids.ts) outlive the board's stay in
 * memory: claims are written to the votes store in batches, off the message's path, and read
 * back when the board loads; with Redis each claim is also told at once to the other instances,
 * which hold the board at the same time and do not read the store again while they do.
 */
import { randomUUID } from 'node:crypto';
import type IORedis from 'ioredis';
import { parseRoom } from './miro-token.js';
import type { Storage } from './votes/types.js';

/** Ids held per board: more are not claimed (an id nobody holds is only checked against the server's own). */
export const MAX_IDS_PER_DOC = 50_000;
const CHANNEL = 'tryghed:client-ids';
/** Rows per write and per read: SQLite runs on the event loop, ~2-4 µs a row, so a board's
 *  50,000 at once would hold every other board up for a tenth of a second or more. */
const CHUNK = 250;
const PAGE = 1000;
/** Lets the event loop handle what waits (a resolved SQLite call alone would not). */
const turn = () => new Promise<void>((r) => setImmediate(r));

/** An id and its owner's tag (client-ids.ts tag(): never the user id itself). */
export type Claim = readonly [id: number, owner: string];
export type ClaimStore = Pick<Storage, 'clientIds' | 'claimClientIds'>;

/** The other instances serving the same boards. */
export interface ClaimPeers {
  /** Resolves once claims from the others are heard. */
  readonly ready: Promise<void>;
  publish(documentName: string, claims: readonly Claim[]): void;
  onClaims(cb: (documentName: string, claims: readonly Claim[]) => void): void;
  close(): Promise<void>;
}

/** Claims waiting to be written, per board, and the write under way. */
export class ClaimLog {
  private readonly pending = new Map<string, Claim[]>();
  private readonly writing = new Map<string, Promise<void>>();
  /** Boards whose session is being ended (claims wait) or has ended (claims go): nothing of theirs
   *  is written until they load again. */
  private readonly withholding = new Map<string, 'ending' | 'ended'>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: ClaimStore | undefined,
    private readonly peers: ClaimPeers | undefined,
    private readonly flushMs: number,
    private readonly log: (m: string) => void = (m) => console.error(m),
  ) {}

  get ready(): Promise<void> {
    return this.peers?.ready ?? Promise.resolve();
  }

  /** New claims on a board's shared doc (other documents keep none): one message to the others. */
  add(name: string, claims: readonly Claim[]): void {
    if (claims.length === 0 || parseRoom(name)?.control !== false) return;
    this.peers?.publish(name, claims);
    if (!this.store || this.withholding.get(name) === 'ended') return;
    const p = this.pending.get(name);
    if (p) p.push(...claims);
    else this.pending.set(name, [...claims]);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      for (const n of [...this.pending.keys()]) void this.flush(n);
    }, this.flushMs).unref();
  }

  /** The board's stored owners, after what waits for it is written; read a page at a time. */
  async load(name: string): Promise<Claim[]> {
    this.withholding.delete(name);
    if (!this.store) return [];
    await this.flush(name);
    const all: Claim[] = [];
    for (let after = -1; all.length < MAX_IDS_PER_DOC; ) {
      const limit = Math.min(PAGE, MAX_IDS_PER_DOC - all.length);
      const page = await this.store.clientIds(name, after, limit);
      all.push(...page);
      if (page.length < limit) break;
      after = page[page.length - 1]![0];
      await turn();
    }
    return all;
  }

  /** Writes the board's waiting claims once the writes before are done; never rejects (a failed
   *  chunk waits for the next flush). */
  flush(name: string): Promise<void> {
    const run = (this.writing.get(name) ?? Promise.resolve()).then(() => this.write(name));
    this.writing.set(name, run);
    void run.then(() => this.writing.get(name) === run && this.writing.delete(name));
    return run;
  }

  /** A chunk per transaction, the event loop's other work between them. */
  private async write(name: string): Promise<void> {
    for (;;) {
      const waiting = this.pending.get(name);
      if (!this.store || !waiting || waiting.length === 0 || this.withholding.has(name)) return;
      const chunk = waiting.splice(0, CHUNK);
      if (waiting.length === 0) this.pending.delete(name);
      try {
        await this.store.claimClientIds(name, chunk);
      } catch (e) {
        this.log(`[tryghed] storing client ids of ${name} failed: ${(e as Error).message}`);
        // Kept unless the session has ended (while it is ending, the end may yet fail).
        if (this.withholding.get(name) !== 'ended') this.pending.set(name, [...chunk, ...(this.pending.get(name) ?? [])]);
        return;
      }
      await turn();
    }
  }

  /** Runs `end` (which deletes the board's rows) with no claim of the board written meanwhile or
   *  after it; if `end` fails, the claims are written as before. */
  async withheld<T>(name: string, end: () => Promise<T>): Promise<T> {
    const before = this.withholding.get(name);
    this.withholding.set(name, 'ending');
    try {
      await this.writing.get(name);
      const result = await end();
      this.withholding.set(name, 'ended');
      this.pending.delete(name);
      return result;
    } catch (e) {
      // As before: an ended session stays ended (until the board loads again).
      if (before) this.withholding.set(name, before);
      else this.withholding.delete(name);
      void this.flush(name);
      throw e;
    }
  }

  /** The board left memory: with no connection left, nothing of an ended session can be claimed. */
  unloaded(name: string): void {
    if (this.withholding.get(name) === 'ended') this.withholding.delete(name);
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.all([...this.pending.keys()].map((n) => this.flush(n)));
    await this.peers?.close();
  }
}

/** Claims over Redis: one channel for every board; an instance ignores its own and boards it does not hold. */
export class RedisClaimPeers implements ClaimPeers {
  readonly ready: Promise<void>;
  private readonly self = randomUUID();
  private readonly listeners: ((documentName: string, claims: readonly Claim[]) => void)[] = [];

  constructor(
    private readonly pub: IORedis,
    private readonly sub: IORedis,
    private readonly log: (m: string) => void = (m) => console.error(m),
  ) {
    sub.on('message', (channel: string, message: string) => {
      if (channel !== CHANNEL) return;
      const m = parse(message);
      if (m && m.from !== this.self) for (const cb of this.listeners) cb(m.doc, m.claims);
    });
    this.ready = sub.subscribe(CHANNEL).then(() => undefined);
    // A failed subscription is logged; the store still holds claims for the next load.
    this.ready.catch((e: Error) => this.log(`[tryghed] redis client ids: ${e.message}`));
  }

  publish(documentName: string, claims: readonly Claim[]): void {
    this.pub.publish(CHANNEL, JSON.stringify({ from: this.self, doc: documentName, claims })).catch((e: Error) => this.log(`[tryghed] redis client ids: ${e.message}`));
  }

  onClaims(cb: (documentName: string, claims: readonly Claim[]) => void): void {
    this.listeners.push(cb);
  }

  async close(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

/** A message on the channel, or null if it is not one of ours. */
function parse(message: string): { from: string; doc: string; claims: Claim[] } | null {
  try {
    const m = JSON.parse(message) as { from?: unknown; doc?: unknown; claims?: unknown };
    if (typeof m.from !== 'string' || typeof m.doc !== 'string' || !Array.isArray(m.claims)) return null;
    const claims = m.claims.filter((c): c is Claim => Array.isArray(c) && Number.isSafeInteger(c[0]) && typeof c[1] === 'string');
    return { from: m.from, doc: m.doc, claims };
  } catch {
    return null;
  }
}
