/**
 * The database side of a session moved here from another sync mode (control.ts runs it before
 * the doc shows the import), so the projection (votes/service.ts) keeps each round as it came:
 * - a round the server never opened gets a record with the totals it came with (its ballots
 *   stayed behind); one still open arrives closed;
 * - a round the server opened and has closed keeps the server's record: its ballots are all here;
 * - a round the server opened that left it open was voted on in the other mode too. It is
 *   closed now (and revealed if it came revealed), as the facilitator did before moving. A named
 *   or anonymous one takes the totals it came with: they count the ballots cast here as well
 *   (they went to the other mode with the move) and the ones cast there; its ballot map here is
 *   dropped, so the doc shows those totals. A sealed one goes on counting the server's ballots.
 */
import { arrivedClosed, type Carried } from '../core/session/carry.js';
import type { RoundRead } from '../core/session/read.js';
import { roundStatus } from '../core/session/rounds.js';
import type { PublishedTally } from '../core/session/schema.js';
import { VoteError, type RoundRecord, type Storage } from './votes/types.js';

/** Records the carried rounds; returns the rounds whose ballot map in the doc is dropped. */
export async function recordCarried(storage: Storage, room: string, carried: Carried, now: number): Promise<string[]> {
  const drop: string[] = [];
  for (const [id, r] of carried.rounds) {
    if (r.openedAt === null) continue;
    const totals = carried.published.get(id) ?? null;
    const held = await storage.round(room, id);
    if (!held) {
      await storage.insertRound(room, importedRecord(id, r, totals, now)).catch((e: unknown) => {
        // Recorded meanwhile (the same move sent twice): the first record stays.
        if (!(e instanceof VoteError && e.code === 'wrong-status')) throw e;
      });
      continue;
    }
    if (roundStatus(held, now) !== 'open') continue;
    const after = await storage.updateRound(room, id, (rec) => {
      if (roundStatus(rec, now) !== 'open') return rec;
      const revealedAt = r.revealedAt === null ? rec.revealedAt : now;
      return { ...rec, closedAt: now, revealedAt, ...(rec.anonymity === 'sealed' ? {} : { imported: totalsOf(totals) }) };
    });
    if (after.imported) drop.push(id);
  }
  return drop;
}

/** The record of a round the server never opened, carried here with its totals (carry.ts read
 *  and checked both): one still open arrives closed. */
function importedRecord(id: string, r: RoundRead, totals: PublishedTally | null, now: number): RoundRecord {
  return { ...arrivedClosed(r, now), id, version: 1, imported: totalsOf(totals) };
}

const totalsOf = (t: PublishedTally | null): NonNullable<RoundRecord['imported']> => ({ respondents: t?.respondents ?? 0, counts: { ...(t?.counts ?? {}) } });
