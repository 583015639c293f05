/**
 * Inserting a template, as the template panel does it (through the template actions), against
 * the stand-in board: the whole template in view with progress, or nothing, with a refusal
 * that says what the rollback left behind, worded as the panel shows it.
 */
import { describe, expect, it } from 'vitest';
import { bindTemplateActions } from '../../src/actions/template-actions.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { getTemplate } from '../../src/core/template/catalogue.js';
import { insertFailureText } from '../../src/ui/i18n/board-words.js';
import { contains } from '../../src/core/geometry.js';
import { setup, USER } from '../board/stand-in-setup.js';

describe('insert template (action)', () => {
  it('creates every item of the template in the language asked, reports progress to the end, and moves the view there', async () => {
    const { host, board } = setup({ latencyMs: 1 });
    const actions = bindTemplateActions({ board });
    const progress: number[] = [];
    const out = await actions.insertTemplate({ templateId: 'practice', lang: 'en', onProgress: (done) => progress.push(done) });
    if (!out.ok) throw new Error(out.error.code);
    const planned = layoutTemplate(getTemplate('practice'), 'en', { x: 0, y: 0 }).items.length;
    expect(out.value.created).toBe(planned);
    expect(host.items()).toHaveLength(planned);
    expect(progress).toEqual(Array.from({ length: planned }, (_, k) => k + 1));
    expect(host.item(out.value.frameId)!.title).toBe(getTemplate('practice').title.en);
    expect(contains(host.viewportOf(USER), out.value.frame)).toBe(true);
  });

  it('a refusal halfway removes what was made and says so in both languages', async () => {
    const { host, board } = setup({ latencyMs: 1 });
    host.failWhen((call) => call.method === 'board.createShape');
    const out = await bindTemplateActions({ board }).insertTemplate({ templateId: 'practice', lang: 'da' });
    expect(out).toEqual({ ok: false, error: expect.objectContaining({ code: 'refused' }) });
    expect(host.items()).toEqual([]);
    if (out.ok) return;
    expect(insertFailureText('da', out.error)).toContain('Intet er indsat');
    expect(insertFailureText('en', out.error)).toContain('Nothing was inserted');
  });

  it('cancelling stops the insertion and leaves the board as it was', async () => {
    const { host, board } = setup({ latencyMs: 2 });
    const ctl = new AbortController();
    const out = await bindTemplateActions({ board }).insertTemplate({ templateId: 'warning-signs', lang: 'da', signal: ctl.signal, onProgress: (d) => d === 3 && ctl.abort() });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe('aborted');
    expect(host.items()).toEqual([]);
    expect(insertFailureText('en', out.error)).toBe('The insertion was cancelled. Nothing was inserted.');
  });

  it('what the rollback could not remove is counted in the refusal and said to the user', async () => {
    const { host, board } = setup();
    const frames = new Set<string>();
    host.onChange((c) => c.kind === 'create' && c.ids.forEach((id) => host.item(id)!.type === 'frame' && frames.add(id)));
    host.failWhen((call) => call.method === 'board.createShape' || (call.method === 'board.remove' && frames.has(call.args[0] as string)));
    const out = await bindTemplateActions({ board }).insertTemplate({ templateId: 'practice', lang: 'en' });
    if (out.ok) throw new Error('expected a refusal');
    expect(out.error).toMatchObject({ code: 'refused', params: { leftBehind: 1 } });
    expect(host.items().map((i) => i.type)).toEqual(['frame']);
    expect(insertFailureText('en', out.error)).toContain('1 item could not be removed again');
  });

  it('an unexpected failure is a refusal the panel words as unexpected, not a throw', async () => {
    const { board } = setup();
    const broken = Object.assign(Object.create(board) as typeof board, { insertLayout: () => Promise.reject(new TypeError('boom')) });
    const out = await bindTemplateActions({ board: broken }).insertTemplate({ templateId: 'practice', lang: 'da' });
    expect(out).toEqual({ ok: false, error: { code: 'unexpected' } });
    if (!out.ok) expect(insertFailureText('da', out.error)).toBeUndefined();
  });

  it('places templates in agenda order on one row, whatever order they are inserted in', async () => {
    const { board } = setup({ latencyMs: 0 });
    const actions = bindTemplateActions({ board });
    const frames: Record<string, { x: number; y: number }> = {};
    for (const id of ['practice', 'opening', 'emotions'] as const) {
      const out = await actions.insertTemplate({ templateId: id, lang: 'da' });
      if (!out.ok) throw new Error(out.error.code);
      frames[id] = out.value.frame;
    }
    expect(frames.opening!.x).toBeLessThan(frames.emotions!.x);
    expect(frames.emotions!.x).toBeLessThan(frames.practice!.x);
    expect(new Set(Object.values(frames).map((f) => f.y)).size).toBe(1);
  });

  it('a template already on the board is offered, not inserted again, unless asked on purpose', async () => {
    const { host, board } = setup({ latencyMs: 0 });
    const actions = bindTemplateActions({ board });
    const first = await actions.insertTemplate({ templateId: 'practice', lang: 'da' });
    if (!first.ok) throw new Error(first.error.code);
    const count = host.items().length;
    const again = await actions.insertTemplate({ templateId: 'practice', lang: 'da' });
    expect(again).toEqual({ ok: false, error: { code: 'already-on-board', params: { frameId: first.value.frameId } } });
    expect(host.items()).toHaveLength(count);
    const copy = await actions.insertTemplate({ templateId: 'practice', lang: 'da', again: true });
    if (!copy.ok) throw new Error(copy.error.code);
    expect(copy.value.frame.x).toBe(first.value.frame.x);
    expect(copy.value.frame.y).toBeGreaterThan(first.value.frame.y + first.value.frame.height);
    await actions.goTo(first.value.frameId);
    expect(contains(host.viewportOf(USER), first.value.frame)).toBe(true);
  });
});
