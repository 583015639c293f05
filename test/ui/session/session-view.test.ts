import { describe, expect, it } from 'vitest';
import { createCluster, LocalVoteService, MemoryBallotKeyStore, getRound, markTargetsDeleted } from '../../../src/core/session/index.js';
import type { VoteError } from '../../../src/core/session/voting.js';
import { formatDuration, participation, targetLabel, voteRows } from '../../../src/ui/session/session-view.js';
import { voteErrorText } from '../../../src/ui/session/vote-errors.js';
import { anne, bo, fac, notes, round, startedDoc } from '../../core/session/setup.js';

const service = (doc: ReturnType<typeof startedDoc>, who: { userId: string }) =>
  new LocalVoteService(doc, { actor: who, ballotKeys: new MemoryBallotKeyStore() });

describe('voteRows', () => {
  it('shows notes in a cluster as one row, with my votes on its notes counted there', async () => {
    const doc = startedDoc();
    const id = round(doc, { budget: 5, cap: 3 });
    const s = service(doc, anne);
    await s.cast(id, notes[0]!);
    await s.cast(id, notes[1]!);
    const c = createCluster(doc, anne, { noteIds: [notes[0]!, notes[1]!], label: 'Pres' });
    if (!c.ok) throw new Error(c.message);
    await s.cast(id, c.value.clusterId);
    const rows = voteRows(doc, getRound(doc, id)!, await s.myVotes(id));
    expect(rows.map((r) => [r.id, r.kind, r.mine])).toEqual([[c.value.clusterId, 'cluster', 3], [notes[2], 'note', 0], [notes[3], 'note', 0]]);
    // Withdraw takes back a vote cast on the cluster itself first, then those cast on its notes.
    expect(rows[0]!.castOn[0]).toBe(c.value.clusterId);
    expect(new Set(rows[0]!.castOn)).toEqual(new Set([c.value.clusterId, notes[0], notes[1]]));
  });

  it('drops notes deleted from the board', () => {
    const doc = startedDoc();
    const id = round(doc);
    markTargetsDeleted(doc, fac, { ids: [notes[3]!] });
    expect(voteRows(doc, getRound(doc, id)!, null).map((r) => r.id)).toEqual(notes.slice(0, 3));
  });
});

describe('participation', () => {
  it('names voters in named rounds (who, never which way); counts only in anonymous ones', async () => {
    const doc = startedDoc();
    const named = round(doc, { anonymity: 'named' });
    const anon = round(doc, { anonymity: 'anonymous' });
    for (const id of [named, anon]) {
      await service(doc, anne).cast(id, notes[0]!);
      await service(doc, bo).cast(id, notes[1]!);
    }
    expect(participation(doc, getRound(doc, named)!)).toEqual({ respondents: 2, voters: new Set([anne.userId, bo.userId]) });
    const a = participation(doc, getRound(doc, anon)!);
    expect(a.respondents).toBe(2);
    expect(a.voters.size).toBe(0);
  });

  it('does not count a ballot whose only vote no longer counts', async () => {
    const doc = startedDoc();
    const id = round(doc);
    await service(doc, anne).cast(id, notes[0]!);
    markTargetsDeleted(doc, fac, { ids: [notes[0]!] });
    expect(participation(doc, getRound(doc, id)!).respondents).toBe(0);
  });

  it('knows nothing for sealed rounds (the ballots are on the server)', () => {
    const doc = startedDoc();
    const id = round(doc, { anonymity: 'sealed' });
    expect(participation(doc, getRound(doc, id)!).respondents).toBeNull();
  });
});

describe('labels and messages', () => {
  it('labels clusters by name (or as unnamed) and notes by their text', () => {
    const doc = startedDoc();
    const c = createCluster(doc, anne, { noteIds: [notes[0]!] });
    if (!c.ok) throw new Error(c.message);
    expect(targetLabel(doc, c.value.clusterId, {}, 'da')).toBe('Tema uden navn');
    expect(targetLabel(doc, notes[1]!, { [notes[1]!]: ' Tillid ' }, 'en')).toBe('Tillid');
    expect(targetLabel(doc, notes[1]!, {}, 'en')).toBe(`Note …${notes[1]!.slice(-4)}`);
    const named = createCluster(doc, anne, { noteIds: [notes[2]!], label: '  Arbejdspres ' });
    if (!named.ok) throw new Error(named.message);
    expect(targetLabel(doc, named.value.clusterId, {}, 'en')).toBe('Arbejdspres');
  });

  it('has words for every VoteError in both languages, with the numbers filled in', () => {
    const all: VoteError[] = ['no-round', 'not-open', 'time-up', 'not-a-target', 'target-deleted', 'budget-exhausted', 'cap-reached', 'no-vote', 'wrong-mode', 'not-signed-in', 'unavailable'];
    for (const lang of ['da', 'en'] as const) {
      const texts = all.map((e) => voteErrorText(lang, e, { budget: 5, cap: 3 }));
      expect(new Set(texts).size, lang).toBe(all.length);
      for (const text of texts) expect(text).not.toMatch(/[{}]/);
    }
    expect(voteErrorText('da', 'budget-exhausted', { budget: 5, cap: 3 })).toContain('alle 5 stemmer');
    expect(voteErrorText('en', 'cap-reached', { budget: 5, cap: 3 })).toBe('At most 3 votes on one item.');
    expect(voteErrorText('en', 'no-round', { budget: 5, cap: 3 })).toBe('This vote no longer exists.');
  });

  it('formats time left as m:ss, rounding up', () => {
    expect(formatDuration(600_000)).toBe('10:00');
    expect(formatDuration(59_001)).toBe('1:00');
    expect(formatDuration(1)).toBe('0:01');
    expect(formatDuration(0)).toBe('0:00');
  });
});
