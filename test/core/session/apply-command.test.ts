/** Facilitator commands as plain data, applied with the core command they name: one transaction each, refusals as codes. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyCommand } from '../../../src/core/session/apply-command.js';
import type { FacilitatorCommand } from '../../../src/core/session/commands.js';
import { LocalControlService } from '../../../src/core/session/local-control.js';
import { deletedMap, facilitatorOf, getRound, listPlan } from '../../../src/core/session/index.js';

const fie = { userId: 'fie' };
const anne = { userId: 'anne' };

describe('applyCommand', () => {
  it('applies each command as one transaction; a participant is refused and nothing changes', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(applyCommand(doc, fie, { type: 'start-session', now: 1 })).toEqual({ ok: true, value: { facilitator: 'fie' } });
    const made = applyCommand(doc, fie, { type: 'create-round', round: { question: 'q', scope: { kind: 'selection' }, targets: ['n1', 'n2'], timeLimitMs: 1000 } });
    if (!made.ok) throw new Error(made.error.code);
    const { roundId } = made.value;
    const before = transactions;
    const bytes = Y.encodeStateAsUpdate(doc);
    const refusals: FacilitatorCommand[] = [
      { type: 'offer-seat', to: 'bo' },
      { type: 'open-round', roundId },
      { type: 'remove-round', roundId },
      { type: 'add-initiative', layer: 'G', text: 'x' },
      { type: 'draft-plan', roundId },
    ];
    for (const cmd of refusals) expect(applyCommand(doc, anne, cmd)).toEqual({ ok: false, error: { code: 'not-facilitator' } });
    expect(transactions).toBe(before);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(bytes);
    expect(applyCommand(doc, fie, { type: 'open-round', roundId, now: 10 })).toEqual({ ok: true, value: { endsAt: 1010 } });
    expect(transactions).toBe(before + 1);
    expect(getRound(doc, roundId, 20)?.status).toBe('open');
    expect(applyCommand(doc, fie, { type: 'mark-deleted', ids: ['n1'], now: 5 })).toEqual({ ok: true, value: null });
    expect(deletedMap(doc).get('n1')).toBe(5);
    expect(applyCommand(doc, fie, { type: 'restore-deleted', ids: ['n1'] }).ok).toBe(true);
    expect(deletedMap(doc).has('n1')).toBe(false);
    expect(applyCommand(doc, fie, { type: 'offer-seat', to: 'anne' })).toEqual({ ok: true, value: { offeredTo: 'anne' } });
    expect(applyCommand(doc, anne, { type: 'accept-seat' })).toEqual({ ok: true, value: { facilitator: 'anne' } });
    expect(facilitatorOf(doc)).toBe('anne');
  });

  it('a command that is not one (from the wire) is refused as invalid, not thrown', async () => {
    const doc = new Y.Doc();
    const bogus = { type: 'drop-tables' } as unknown as FacilitatorCommand;
    expect(applyCommand(doc, fie, bogus)).toEqual({ ok: false, error: { code: 'invalid' } });
    const control = new LocalControlService(doc, fie);
    await control.apply({ type: 'start-session' });
    expect(await control.apply({ type: 'add-initiative', layer: 'X' as never, text: 't' })).toEqual({ ok: false, error: { code: 'invalid' } });
    expect(listPlan(doc)).toEqual([]);
  });
});
