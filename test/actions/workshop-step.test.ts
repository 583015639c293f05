/**
 * The run sheet's actions against the stand-in board: moving to a step goes through the
 * control port, starts the board's timer where the host has one, and each panel shows the
 * step's template on the board (its view moves to the template's frame).
 */
import { describe, expect, it } from 'vitest';
import { perform as startSession } from '../../src/actions/start-session.js';
import * as step from '../../src/actions/workshop-step.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { readWorkshop } from '../../src/core/session/index.js';
import { getTemplate } from '../../src/core/template/catalogue.js';
import { workshop } from './harness.js';

const T0 = 1_700_000_000_000;

describe('workshop steps', () => {
  it('the facilitator moves everyone; a participant cannot', async () => {
    const { fac, anne } = workshop();
    await startSession(fac.ctx);
    expect(await step.goTo(anne.ctx, { step: 'plate', now: T0 })).toEqual({ ok: false, error: { code: 'not-facilitator' } });
    const r = await step.goTo(fac.ctx, { step: 'plate', timeBoxMs: 300_000, now: T0 });
    expect(r).toMatchObject({ ok: true, value: { step: 'plate', startedAt: T0 } });
    expect(readWorkshop(anne.doc)).toEqual({ step: 'plate', startedAt: T0, timeBoxMs: 300_000, discussing: null });
    expect(await step.setTimeBox(anne.ctx, { timeBoxMs: 60_000 })).toEqual({ ok: false, error: { code: 'not-facilitator' } });
    expect(await step.setTimeBox(fac.ctx, { timeBoxMs: 60_000 })).toEqual({ ok: true, value: null });
    expect(readWorkshop(anne.doc)?.timeBoxMs).toBe(60_000);
  });

  it('starts the board’s timer with the step’s time box where the host has one', async () => {
    const started: number[] = [];
    const { fac } = workshop({}, (sdk) => {
      const timer = { start: async (ms: number) => void started.push(ms) };
      (sdk.board as unknown as { timer?: unknown }).timer = timer;
    });
    await startSession(fac.ctx);
    const r = await step.goTo(fac.ctx, { step: 'opening', now: T0 });
    expect(r.ok).toBe(true);
    // Whether the stand-in offers a timer or not, the answer says which, and a timer started holds the box.
    if (r.ok && r.value.boardTimer) expect(started).toEqual([10 * 60_000]);
  });

  it('a panel’s view moves to the step’s template, and says so when it is not on the board', async () => {
    const { standIn, fac, anne } = workshop();
    await startSession(fac.ctx);
    expect(await step.showStep(anne.ctx, { step: 'takeaways' })).toEqual({ ok: true, value: false });
    await fac.board.insertLayout(layoutTemplate(getTemplate('takeaways'), 'da', { x: 0, y: 0 }), { zoom: false });
    await fac.board.insertLayout(layoutTemplate(getTemplate('plate'), 'da', { x: 0, y: 0 }), { zoom: true });
    anne.board.refresh();
    expect(await step.showStep(anne.ctx, { step: 'takeaways' })).toEqual({ ok: true, value: true });
    const frame = (await anne.board.findMarkedFrames({ templateId: 'takeaways' }))[0]!;
    const view = await anne.board.viewport();
    // The frame is in Anne's view.
    expect(view.x <= frame.rect.x && view.y <= frame.rect.y).toBe(true);
    expect(view.x + view.width >= frame.rect.x + frame.rect.width && view.y + view.height >= frame.rect.y + frame.rect.height).toBe(true);
    expect(standIn).toBeDefined();
  });
});
