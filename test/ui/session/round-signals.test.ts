/** Which round and pulse changes a participant's panel is told of (round-signals.ts), and the vote list's groups (vote-groups.ts). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPulse, pulsesMap, startSession, stepPulse } from '../../../src/core/session/index.js';
import type { RoundStatus } from '../../../src/core/session/schema.js';
import { RECENT_MS, readSignalSources, sessionSignals, statusesOf, type SignalSource } from '../../../src/ui/session/round-signals.js';
import { groupRows } from '../../../src/ui/session/vote-groups.js';
import type { VoteRow } from '../../../src/ui/session/session-view.js';

const NOW = 1_000_000_000;
const source = (of: SignalSource['of']) => (id: string, status: RoundStatus, at: number | null = NOW): SignalSource =>
  ({ of, id, question: `Q ${id}`, status, openedAt: status === 'draft' ? null : at, revealedAt: status === 'revealed' ? at : null });
const round = source('round');
const pulse = source('pulse');

describe('round and pulse signals', () => {
  it('tells a round that opens and one revealed, once; nothing on the first read', () => {
    expect(sessionSignals(null, [round('a', 'open')], NOW)).toEqual([]);
    const before = statusesOf([round('a', 'draft'), round('b', 'closed'), round('c', 'open')]);
    expect(sessionSignals(before, [round('a', 'open'), round('b', 'revealed'), round('c', 'open')], NOW)).toEqual([
      { kind: 'open', of: 'round', id: 'a', question: 'Q a' },
      { kind: 'revealed', of: 'round', id: 'b', question: 'Q b' },
    ]);
    // Closing is not a signal; neither is a round that stays as it was.
    expect(sessionSignals(statusesOf([round('c', 'open')]), [round('c', 'closed')], NOW)).toEqual([]);
  });

  it('a round arriving already open or revealed (the saved session loading) is told only if that was recent', () => {
    const before = new Map<string, RoundStatus>();
    expect(sessionSignals(before, [round('a', 'open', NOW - 1_000)], NOW)).toHaveLength(1);
    expect(sessionSignals(before, [round('a', 'open', NOW - RECENT_MS - 1)], NOW)).toEqual([]);
    expect(sessionSignals(before, [round('b', 'revealed', NOW - 3_600_000)], NOW)).toEqual([]);
  });

  it('tells a pulse that opens and one revealed, apart from a round with the same id; an old one arriving is not told', () => {
    const before = statusesOf([pulse('a', 'draft'), pulse('b', 'closed'), round('a', 'draft')]);
    expect(sessionSignals(before, [pulse('a', 'open'), pulse('b', 'revealed'), round('a', 'draft')], NOW)).toEqual([
      { kind: 'open', of: 'pulse', id: 'a', question: 'Q a' },
      { kind: 'revealed', of: 'pulse', id: 'b', question: 'Q b' },
    ]);
    expect(sessionSignals(statusesOf([pulse('a', 'open')]), [pulse('a', 'closed')], NOW)).toEqual([]);
    const none = new Map<string, RoundStatus>();
    expect(sessionSignals(none, [pulse('c', 'open', NOW - 1_000)], NOW)).toHaveLength(1);
    expect(sessionSignals(none, [pulse('c', 'open', NOW - RECENT_MS - 1)], NOW)).toEqual([]);
    expect(sessionSignals(none, [pulse('d', 'revealed', NOW - 3_600_000)], NOW)).toEqual([]);
  });

  it('reads pulses from the doc through its readers: opened and revealed are told, a bad pulse is skipped', () => {
    const doc = new Y.Doc();
    const actor = { userId: 'u1' };
    startSession(doc, actor, { now: NOW - 100 });
    const created = createPulse(doc, actor, { anonymity: 'anonymous', label: 'Before', now: NOW - 10 });
    if (!created.ok) throw new Error('no pulse');
    const { pulseId } = created.value;
    pulsesMap(doc).set('bad', 'not a pulse' as never);
    let before = statusesOf(readSignalSources(doc, NOW));
    expect(stepPulse(doc, actor, { pulseId, step: 'open', now: NOW }).ok).toBe(true);
    const opened = readSignalSources(doc, NOW);
    expect(opened.map((s) => s.id)).toEqual([pulseId]);
    expect(sessionSignals(before, opened, NOW)).toEqual([{ kind: 'open', of: 'pulse', id: pulseId, question: 'Before' }]);
    before = statusesOf(opened);
    expect(stepPulse(doc, actor, { pulseId, step: 'reveal', now: NOW + 5 }).ok).toBe(true);
    expect(sessionSignals(before, readSignalSources(doc, NOW + 5), NOW + 5)).toEqual([{ kind: 'revealed', of: 'pulse', id: pulseId, question: 'Before' }]);
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
