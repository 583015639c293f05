/** Which round changes a participant's panel is told of (round-signals.ts), and the vote list's groups (vote-groups.ts). */
import { describe, expect, it } from 'vitest';
import type { RoundView } from '../../../src/core/session/rounds.js';
import { RECENT_MS, roundSignals } from '../../../src/ui/session/round-signals.js';
import { groupRows } from '../../../src/ui/session/vote-groups.js';
import type { VoteRow } from '../../../src/ui/session/session-view.js';

const NOW = 1_000_000_000;
const round = (id: string, status: RoundView['status'], at: number | null = NOW): RoundView =>
  ({ id, question: `Q ${id}`, status, openedAt: status === 'draft' ? null : at, revealedAt: status === 'revealed' ? at : null }) as RoundView;

describe('round signals', () => {
  it('tells a round that opens and one revealed, once; nothing on the first read', () => {
    expect(roundSignals(null, [round('a', 'open')], NOW)).toEqual([]);
    const before = new Map([['a', 'draft' as const], ['b', 'closed' as const], ['c', 'open' as const]]);
    expect(roundSignals(before, [round('a', 'open'), round('b', 'revealed'), round('c', 'open')], NOW)).toEqual([
      { kind: 'open', roundId: 'a', question: 'Q a' },
      { kind: 'revealed', roundId: 'b', question: 'Q b' },
    ]);
    // Closing is not a signal; neither is a round that stays as it was.
    expect(roundSignals(new Map([['c', 'open' as const]]), [round('c', 'closed')], NOW)).toEqual([]);
  });

  it('a round arriving already open or revealed (the saved session loading) is told only if that was recent', () => {
    const before = new Map<string, RoundView['status']>();
    expect(roundSignals(before, [round('a', 'open', NOW - 1_000)], NOW)).toHaveLength(1);
    expect(roundSignals(before, [round('a', 'open', NOW - RECENT_MS - 1)], NOW)).toEqual([]);
    expect(roundSignals(before, [round('b', 'revealed', NOW - 3_600_000)], NOW)).toEqual([]);
  });
});

describe('vote groups', () => {
  const row = (id: string, kind: VoteRow['kind'] = 'note'): VoteRow => ({ id, kind, mine: 0, castOn: [] });

  it('clusters first, then templates in workshop order and zones in template order, then other notes', () => {
    const rows = [row('n-loose'), row('n-nt'), row('c1', 'cluster'), row('n-prac-zone'), row('n-prac')];
    const places = {
      'n-loose': null,
      'n-nt': { template: 'not-talked-about' as const, zone: null },
      'n-prac-zone': { template: 'practice' as const, zone: 'more-of' },
      'n-prac': { template: 'practice' as const, zone: null },
    };
    const groups = groupRows(rows, places, 'da');
    expect(groups.map((g) => g.rows.map((r) => r.id))).toEqual([['c1'], ['n-nt'], ['n-prac'], ['n-prac-zone'], ['n-loose']]);
    expect(groups[0]!.title).toBe('Temaer');
    expect(groups.at(-1)!.title).toBe('Andre sedler');
    expect(groups[3]!.title).toMatch(/^Ledertrivsel i praksis › /);
    expect(groupRows(rows, places, 'en')[0]!.title).toBe('Themes');
  });

  it('one untitled group until the places are known', () => {
    expect(groupRows([row('a'), row('b')], null, 'da')).toEqual([{ key: 'all', title: '', rows: [row('a'), row('b')] }]);
    expect(groupRows([], null, 'da')).toEqual([]);
  });
});
