import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterOf, createCluster, dissolveCluster, LIMITS, listClusters, mergeClusters, moveNotes, recolourCluster, renameCluster,
} from '../../../src/core/session/index.js';
import { LinkedDocs, seeded } from '../../support/linked-docs.js';
import { anne, bo, notes, startedDoc, T0 } from './setup.js';

const [n1, n2, n3, n4] = notes as [string, string, string, string];

function make(doc = startedDoc(), ids = [n1, n2], label = 'Tid') {
  const r = createCluster(doc, anne, { noteIds: ids, label, colour: 'light_blue', now: T0 });
  if (!r.ok) throw new Error(r.message);
  return { doc, id: r.value.clusterId };
}

describe('clusters', () => {
  it('creates a cluster from a selection, records label, colour and creator', () => {
    const { doc, id } = make();
    expect(listClusters(doc)).toEqual([{ id, label: 'Tid', colour: 'light_blue', createdBy: anne.userId, createdAt: T0, notes: [n1, n2].sort() }]);
    expect(clusterOf(doc, n1)).toBe(id);
    expect(clusterOf(doc, n3)).toBeNull();
  });

  it('refuses an empty selection and a colour Miro does not have', () => {
    const doc = startedDoc();
    expect(createCluster(doc, anne, { noteIds: [] })).toMatchObject({ ok: false, error: 'no-notes' });
    expect(createCluster(doc, anne, { noteIds: [n1], colour: 'mauve' as never })).toMatchObject({ ok: false, error: 'bad-colour' });
    expect(listClusters(doc)).toEqual([]);
  });

  it('refuses a label longer than every reader takes, and keeps the old one', () => {
    const { doc, id } = make();
    const long = 'x'.repeat(LIMITS.label + 1);
    expect(createCluster(doc, anne, { noteIds: [n3], label: long })).toMatchObject({ ok: false, error: 'too-long' });
    expect(renameCluster(doc, anne, { clusterId: id, label: long })).toMatchObject({ ok: false, error: 'too-long' });
    expect(renameCluster(doc, anne, { clusterId: id, label: 'x'.repeat(LIMITS.label) }).ok).toBe(true);
    expect(listClusters(doc).map((c) => c.label)).toEqual(['x'.repeat(LIMITS.label)]);
  });

  it('renames and recolours; refuses a cluster that is gone', () => {
    const { doc, id } = make();
    expect(renameCluster(doc, bo, { clusterId: id, label: 'Travlhed' }).ok).toBe(true);
    expect(recolourCluster(doc, bo, { clusterId: id, colour: 'red' }).ok).toBe(true);
    expect(listClusters(doc)[0]).toMatchObject({ label: 'Travlhed', colour: 'red' });
    dissolveCluster(doc, bo, { clusterId: id });
    expect(renameCluster(doc, bo, { clusterId: id, label: 'x' })).toMatchObject({ ok: false, error: 'no-cluster' });
  });

  it('moves notes in and out; a note is in one cluster at a time', () => {
    const { doc, id: a } = make();
    const { id: b } = make(doc, [n3], 'B');
    moveNotes(doc, anne, { noteIds: [n1, n4], to: b });
    expect(clusterOf(doc, n1)).toBe(b);
    expect(clusterOf(doc, n4)).toBe(b);
    expect(listClusters(doc).find((c) => c.id === a)!.notes).toEqual([n2]);
    moveNotes(doc, anne, { noteIds: [n1], to: null });
    expect(clusterOf(doc, n1)).toBeNull();
    expect(moveNotes(doc, anne, { noteIds: [n1], to: 'c-missing' })).toMatchObject({ ok: false, error: 'no-cluster' });
  });

  it('merges: notes of the merged clusters follow, the merged ids resolve to the target', () => {
    const { doc, id: a } = make();
    const { id: b } = make(doc, [n3], 'B');
    const { id: c } = make(doc, [n4], 'C');
    expect(mergeClusters(doc, anne, { from: [a, b], into: c }).ok).toBe(true);
    expect(listClusters(doc)).toHaveLength(1);
    expect(listClusters(doc)[0]!.notes).toEqual([n1, n2, n3, n4].sort());
    // A stale UI moving a note into a merged-away cluster lands it in the merged one.
    moveNotes(doc, anne, { noteIds: [n1], to: a });
    expect(clusterOf(doc, n1)).toBe(c);
  });

  it('a long chain of merges still resolves to the last cluster', () => {
    const doc = startedDoc();
    const ids = Array.from({ length: 25 }, (_, i) => {
      const r = createCluster(doc, anne, { noteIds: [`note-${i}`] });
      if (!r.ok) throw new Error();
      return r.value.clusterId;
    });
    for (let i = 0; i + 1 < ids.length; i++) expect(mergeClusters(doc, anne, { from: [ids[i]!], into: ids[i + 1]! }).ok).toBe(true);
    expect(clusterOf(doc, 'note-0')).toBe(ids[24]);
    expect(listClusters(doc)[0]!.notes).toHaveLength(25);
  });

  it('dissolves: the notes become unclustered', () => {
    const { doc, id } = make();
    dissolveCluster(doc, anne, { clusterId: id });
    expect(listClusters(doc)).toEqual([]);
    expect(clusterOf(doc, n1)).toBeNull();
  });

  it('each command is one transaction', () => {
    const { doc, id } = make();
    let count = 0;
    doc.on('afterTransaction', () => count++);
    createCluster(doc, anne, { noteIds: notes });
    moveNotes(doc, anne, { noteIds: notes, to: id });
    mergeClusters(doc, anne, { from: [listClusters(doc).find((c) => c.id !== id)!.id], into: id });
    dissolveCluster(doc, anne, { clusterId: id });
    expect(count).toBe(4);
  });

  it('concurrent merges in both directions leave no note pointing at a missing cluster', () => {
    const net = new LinkedDocs(2);
    const [d0, d1] = net.docs as [typeof net.docs[0], typeof net.docs[0]];
    const a = createCluster(d0, anne, { noteIds: [n1] });
    const b = createCluster(d0, anne, { noteIds: [n2] });
    if (!a.ok || !b.ok) throw new Error();
    net.flush();
    mergeClusters(d0, anne, { from: [a.value.clusterId], into: b.value.clusterId });
    mergeClusters(d1, bo, { from: [b.value.clusterId], into: a.value.clusterId });
    net.flush();
    expect(net.converged()).toBe(true);
    for (const d of net.docs) {
      expect(listClusters(d)).toEqual([]);
      expect(clusterOf(d, n1)).toBeNull();
    }
  });
});

describe('clusters under concurrency (property)', () => {
  type Op =
    | { kind: 'move'; doc: number; note: number; cluster: number }
    | { kind: 'out'; doc: number; note: number }
    | { kind: 'merge'; doc: number; from: number; into: number }
    | { kind: 'dissolve'; doc: number; cluster: number }
    | { kind: 'create'; doc: number; note: number }
    | { kind: 'deliver'; n: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('move' as const), doc: fc.nat(4), note: fc.nat(3), cluster: fc.nat(5) }) },
    fc.record({ kind: fc.constant('out' as const), doc: fc.nat(4), note: fc.nat(3) }),
    fc.record({ kind: fc.constant('merge' as const), doc: fc.nat(4), from: fc.nat(5), into: fc.nat(5) }),
    fc.record({ kind: fc.constant('dissolve' as const), doc: fc.nat(4), cluster: fc.nat(5) }),
    fc.record({ kind: fc.constant('create' as const), doc: fc.nat(4), note: fc.nat(3) }),
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), n: fc.integer({ min: 1, max: 5 }) }) },
  );

  it('2–5 docs, random interleavings, delays and duplicates: converge, and every note is in at most one live cluster', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer(), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.array(op, { maxLength: 40 }), (n, seed, dup, ops) => {
        const net = new LinkedDocs(n, { rand: seeded(seed), duplicate: dup });
        const d0 = net.docs[0]!;
        const clusterIds: string[] = [];
        for (let c = 0; c < 3; c++) {
          const r = createCluster(d0, anne, { noteIds: [notes[c]!], label: `c${c}` });
          if (r.ok) clusterIds.push(r.value.clusterId);
        }
        net.flush();
        for (const o of ops) {
          if (o.kind === 'deliver') { net.deliver(o.n); continue; }
          const doc = net.docs[o.doc % n]!;
          const cid = (i: number) => clusterIds[i % clusterIds.length]!;
          if (o.kind === 'move') moveNotes(doc, anne, { noteIds: [notes[o.note]!], to: cid(o.cluster) });
          else if (o.kind === 'out') moveNotes(doc, anne, { noteIds: [notes[o.note]!], to: null });
          else if (o.kind === 'merge') mergeClusters(doc, anne, { from: [cid(o.from)], into: cid(o.into) });
          else if (o.kind === 'dissolve') dissolveCluster(doc, anne, { clusterId: cid(o.cluster) });
          else {
            const r = createCluster(doc, anne, { noteIds: [notes[o.note]!] });
            if (r.ok) clusterIds.push(r.value.clusterId);
          }
        }
        net.flush();
        expect(net.converged()).toBe(true);
        const views = net.docs.map((d) => listClusters(d));
        for (const v of views) expect(v).toEqual(views[0]);
        const seen = new Map<string, string>();
        for (const c of views[0]!) {
          for (const note of c.notes) {
            expect(seen.has(note)).toBe(false);
            seen.set(note, c.id);
          }
        }
        for (const note of notes) expect(clusterOf(d0, note)).toBe(seen.get(note) ?? null);
        net.destroy();
      }),
      { numRuns: 200 },
    );
  });
});
