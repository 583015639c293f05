/**
 * Working on the sandbox board as people do on Miro: write stickies (double-click, the toolbar,
 * the keyboard), select them (click, Shift/Ctrl-click, a band), move them (drag, Alt+arrows,
 * into and out of a frame), delete them; all as the participant chosen in "Acting as". The
 * stand-in is checked through the page's hook, and the acting user's app instance (the panel
 * iframe) through its own `miro`: it hears selection:update and items:delete and its
 * getSelection() answers what was selected.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { ItemView } from '../../sandbox/host/stand-in.js';
import { axeViolations } from './support/axe.js';
import { heardInPanel, listenInPanel, panelSelection, screenOf, screenOfItem } from './support/board-editing.js';
import { launchChromium } from './support/chromium.js';
import { boardItems, clearBoard, insertThroughPanel, openSandbox, panelFrame, type SandboxSession } from './support/sandbox-page.js';
import { startVite, type RunningVite } from './support/vite-server.js';

let vite: RunningVite;
let browser: Browser;
let s: SandboxSession;
let page: Page;
let panel: Frame;

beforeAll(async () => {
  vite = await startVite();
  browser = await launchChromium();
  s = await openSandbox(browser, vite.url, 'en');
  page = s.page;
  panel = s.panel;
  await listenInPanel(panel);
});

afterAll(async () => {
  await s?.close();
  await browser?.close();
  await vite?.close();
});

beforeEach(async () => {
  await page.evaluate(() => window.__sandbox!.actAs('u1'));
  await clearBoard(page);
});

const stickies = async () => (await boardItems(page)).filter((i) => i.type === 'sticky_note');
const item = async (id: string) => (await boardItems(page)).find((i) => i.id === id);
const selection = (userId?: string) => page.evaluate((u) => window.__sandbox!.selection(u).sort(), userId);
const viewCentre = async () => {
  const v = await page.evaluate(() => window.__sandbox!.board.viewport());
  return { x: v.x + v.width / 2, y: v.y + v.height / 2, scale: 0, v };
};
const centreOf = (i: ItemView) => ({ x: i.absolute.x + i.absolute.width / 2, y: i.absolute.y + i.absolute.height / 2 });
const create = (text: string, x: number, y: number, frameId?: string | null) =>
  page.evaluate(([t, px, py, f]) => window.__sandbox!.createSticky(t as string, px as number, py as number, f as string | null | undefined), [text, x, y, frameId] as const);
const select = (ids: string[]) => page.evaluate((i) => window.__sandbox!.select(i), ids);
const lastHeard = async (name: string) => (await heardInPanel(panel)).filter((h) => h.name === name).at(-1)?.ids.slice().sort();
const boardScale = async () => {
  const box = (await page.locator('sandbox-board svg').boundingBox())!;
  const v = (await viewCentre()).v;
  return box.width / v.width;
};

async function writeInDialog(text: string, how: 'enter' | 'save' = 'enter'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'New sticky note' });
  await dialog.waitFor();
  const field = dialog.getByLabel('Text on the sticky note');
  await field.fill(text);
  if (how === 'enter') await field.press('Enter');
  else await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Three stickies in a row, 300 units apart around the view centre; none selected. */
async function threeInARow(): Promise<[ItemView, ItemView, ItemView]> {
  const c = await viewCentre();
  const a = await create('A', c.x - 300, c.y);
  const b = await create('B', c.x, c.y);
  const d = await create('C', c.x + 300, c.y);
  await select([]);
  return [a, b, d];
}

describe('writing a sticky', () => {
  it('double-click on empty board opens a labelled dialog; Enter writes the sticky there as the acting user, selected', async () => {
    const c = await viewCentre();
    const at = await screenOf(page, c.x - 250, c.y + 40);
    await page.mouse.dblclick(at.x, at.y);
    await writeInDialog('Vi taler ikke om <fejl> & travlhed');
    const [st] = await stickies();
    expect(st).toBeDefined();
    expect(st!.content).toBe('<p>Vi taler ikke om &lt;fejl&gt; &amp; travlhed</p>');
    expect(st!.style.fillColor).toBe('light_yellow');
    expect(st!.createdBy).toBe('u1');
    expect(st!.parentId).toBeNull();
    expect(centreOf(st!).x).toBeCloseTo(c.x - 250, -1);
    expect(centreOf(st!).y).toBeCloseTo(c.y + 40, -1);
    // Like on Miro, the new sticky is the selection, and the acting user's app hears it.
    expect(await selection()).toEqual([st!.id]);
    await expect.poll(() => lastHeard('selection:update')).toEqual([st!.id]);
    expect(await panelSelection(panel)).toEqual([st!.id]);
  });

  it('Escape cancels the dialog (nothing written) and gives focus back to the board; an empty text is refused with a message', async () => {
    const at = await screenOf(page, (await viewCentre()).x, (await viewCentre()).y);
    await page.mouse.dblclick(at.x, at.y);
    const dialog = page.getByRole('dialog', { name: 'New sticky note' });
    await dialog.getByLabel('Text on the sticky note').fill('not this');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await stickies()).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('sandbox-app')!.shadowRoot!.querySelector('sandbox-board')!.shadowRoot!.activeElement?.localName)).toBe('svg');

    await page.mouse.dblclick(at.x, at.y);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Write some text first.');
    await dialog.getByLabel('Colour').selectOption('pink');
    await dialog.getByLabel('Text on the sticky note').fill('pink one');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await stickies()).map((i) => [i.content, i.style.fillColor])).toEqual([['<p>pink one</p>', 'pink']]);
  });

  it('by keyboard: N on the focused board and the toolbar button write at the centre of the view', async () => {
    const c = await viewCentre();
    await page.locator('sandbox-board svg').focus();
    await page.keyboard.press('n');
    await writeInDialog('Tastatur');
    await page.getByRole('button', { name: 'New sticky' }).click();
    await writeInDialog('Knap', 'save');
    const all = await stickies();
    expect(all.map((i) => i.content)).toEqual(['<p>Tastatur</p>', '<p>Knap</p>']);
    for (const i of all) {
      expect(centreOf(i).x).toBeCloseTo(c.x, -1);
      expect(centreOf(i).y).toBeCloseTo(c.y, -1);
    }
  });

  it('double-click inside a frame (on a template, even on a zone) makes the sticky a child of that frame', async () => {
    expect(await insertThroughPanel(panel, 'takeaways')).toBe('done');
    const frame = (await boardItems(page)).find((i) => i.type === 'frame')!;
    const f = frame.absolute;
    const point = { x: f.x + f.width * 0.5, y: f.y + f.height * 0.8 };
    const at = await screenOf(page, point.x, point.y);
    await page.mouse.dblclick(at.x, at.y);
    await writeInDialog('Min hovedpointe');
    const mine = (await stickies()).find((i) => i.content === '<p>Min hovedpointe</p>')!;
    expect(mine.parentId).toBe(frame.id);
    expect(centreOf(mine).x).toBeCloseTo(point.x, -1);
    expect(centreOf(mine).y).toBeCloseTo(point.y, -1);
    // The hook does the same (frame under the point by default; null: on the board itself).
    expect((await create('hook', point.x, point.y)).parentId).toBe(frame.id);
    expect((await create('free', point.x, point.y, null)).parentId).toBeNull();
  });
  it('double-click on a sticky (or Enter on it by keyboard) opens it for editing, prefilled; saving changes text and colour in place', async () => {
    const [a, b] = await threeInARow();
    const p = await screenOfItem(page, a.id);
    await page.mouse.dblclick(p.x, p.y);
    const dialog = page.getByRole('dialog', { name: 'Edit sticky note' });
    const field = dialog.getByLabel('Text on the sticky note');
    expect(await field.inputValue()).toBe('A');
    await field.fill('A\nanden linje');
    await dialog.getByLabel('Colour').selectOption('light_blue');
    await field.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const edited = (await item(a.id))!;
    expect([edited.content, edited.style.fillColor]).toEqual(['<p>A</p><p>anden linje</p>', 'light_blue']);
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(edited.absolute[k]).toBeCloseTo(a.absolute[k], 6);
    expect((await stickies()).length).toBe(3);

    await page.locator('sandbox-board svg').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await dialog.getByLabel('Text on the sticky note').inputValue()).toBe('B');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await item(b.id))!.content).toBe('<p>B</p>');
  });
});

describe('selecting', () => {
  it('click selects one, Shift-click adds, Ctrl-click removes, a click on empty board clears; the app hears each and getSelection() agrees', async () => {
    const [a, b, c] = await threeInARow();
    const click = async (id: string, modifiers: Array<'Shift' | 'Control'> = []) => {
      const p = await screenOfItem(page, id);
      await page.mouse.click(p.x, p.y, { modifiers } as never);
    };
    await click(a.id);
    expect(await selection()).toEqual([a.id]);
    await page.keyboard.down('Shift');
    await click(c.id);
    await page.keyboard.up('Shift');
    expect(await selection()).toEqual([a.id, c.id].sort());
    await expect.poll(() => lastHeard('selection:update')).toEqual([a.id, c.id].sort());
    expect(await panelSelection(panel)).toEqual([a.id, c.id].sort());
    await page.keyboard.down('Control');
    await click(a.id);
    await page.keyboard.up('Control');
    expect(await selection()).toEqual([c.id]);
    await expect.poll(() => panelSelection(panel)).toEqual([c.id]);
    // The selection is drawn.
    expect(await page.locator('sandbox-board [data-mark="selected"]').count()).toBe(1);
    const empty = await screenOf(page, centreOf(b).x, centreOf(b).y + 400);
    await page.mouse.click(empty.x, empty.y);
    expect(await selection()).toEqual([]);
    await expect.poll(() => lastHeard('selection:update')).toEqual([]);
  });

  it('Shift-drag on empty board draws a band that selects what it touches; select mode does it without Shift; Escape clears', async () => {
    const [a, b, c] = await threeInARow();
    const from = await screenOf(page, centreOf(a).x - 150, centreOf(a).y - 200);
    const to = await screenOf(page, centreOf(b).x, centreOf(b).y + 200);
    await page.keyboard.down('Shift');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    expect(await page.locator('sandbox-board [data-mark="band"]').count()).toBe(1);
    await page.mouse.up();
    await page.keyboard.up('Shift');
    expect(await selection()).toEqual([a.id, b.id].sort());
    await expect.poll(() => panelSelection(panel)).toEqual([a.id, b.id].sort());

    const mode = page.getByRole('button', { name: 'Select area' });
    await mode.click();
    expect(await mode.getAttribute('aria-pressed')).toBe('true');
    const v0 = await page.evaluate(() => window.__sandbox!.board.viewport());
    const from2 = await screenOf(page, centreOf(c).x - 50, centreOf(c).y - 200);
    const to2 = await screenOf(page, centreOf(c).x + 200, centreOf(c).y + 200);
    await page.mouse.move(from2.x, from2.y);
    await page.mouse.down();
    await page.mouse.move(to2.x, to2.y, { steps: 6 });
    await page.mouse.up();
    await mode.click();
    expect(await selection()).toEqual([c.id]);
    expect(await page.evaluate(() => window.__sandbox!.board.viewport())).toEqual(v0); // a band, not a pan

    await page.locator('sandbox-board svg').focus();
    await page.keyboard.press('Escape');
    expect(await selection()).toEqual([]);
    await expect.poll(() => lastHeard('selection:update')).toEqual([]);
  });

  it('by keyboard: arrow keys walk the stickies (read out), Space toggles, Escape clears', async () => {
    const [a, b] = await threeInARow();
    await page.locator('sandbox-board svg').focus();
    const status = page.locator('sandbox-board [role="status"]');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => status.textContent()).toBe('Sticky 1 of 3: A');
    await page.keyboard.press('Space');
    await expect.poll(() => status.textContent()).toBe('Sticky 1 of 3: A (selected)');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await selection()).toEqual([a.id, b.id].sort());
    await expect.poll(() => lastHeard('selection:update')).toEqual([a.id, b.id].sort());
    expect(await page.locator('sandbox-board [data-mark="focus"]').count()).toBe(1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => status.textContent()).toBe('Sticky 3 of 3: C');
    await page.keyboard.press('Escape');
    expect(await selection()).toEqual([]);
  });

  it('acting as another participant: that user creates and selects, and only that user\'s app hears it', async () => {
    await page.click('sandbox-participants button[data-action="add-participant"]');
    const panel2 = await panelFrame(page, 'u2');
    await listenInPanel(panel2);
    await page.getByLabel('Acting as').selectOption('u2');
    expect(await page.evaluate(() => window.__sandbox!.actingUser())).toBe('u2');
    const u1Heard = (await heardInPanel(panel)).length;
    const c = await viewCentre();
    const at = await screenOf(page, c.x, c.y);
    await page.mouse.dblclick(at.x, at.y);
    await writeInDialog('Fra deltager 2');
    const [st] = await stickies();
    expect(st!.createdBy).toBe('u2');
    expect(await selection('u2')).toEqual([st!.id]);
    expect(await selection('u1')).toEqual([]);
    await expect.poll(() => panelSelection(panel2)).toEqual([st!.id]);
    expect(await panelSelection(panel)).toEqual([]);
    expect((await heardInPanel(panel2)).filter((h) => h.name === 'selection:update').at(-1)?.ids).toEqual([st!.id]);
    expect((await heardInPanel(panel)).slice(u1Heard).filter((h) => h.name === 'selection:update')).toEqual([]);
  });
});

describe('moving and deleting', () => {
  it('dragging a selected sticky moves the whole selection on the stand-in; dragging an unselected one moves just it', async () => {
    const [a, b, c] = await threeInARow();
    await select([a.id, b.id]);
    const scale = await boardScale();
    const p = await screenOfItem(page, a.id);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x + 120, p.y + 60, { steps: 6 });
    await page.mouse.up();
    const [a1, b1, c1] = [await item(a.id), await item(b.id), await item(c.id)];
    expect(centreOf(a1!).x - centreOf(a).x).toBeCloseTo(120 / scale, 0);
    expect(centreOf(a1!).y - centreOf(a).y).toBeCloseTo(60 / scale, 0);
    expect(centreOf(b1!).x - centreOf(b).x).toBeCloseTo(120 / scale, 0);
    expect(centreOf(c1!)).toEqual(centreOf(c));
    expect(await selection()).toEqual([a.id, b.id].sort());

    const q = await screenOfItem(page, c.id);
    await page.mouse.move(q.x, q.y);
    await page.mouse.down();
    await page.mouse.move(q.x, q.y + 80, { steps: 4 });
    await page.mouse.up();
    expect(centreOf((await item(c.id))!).y - centreOf(c).y).toBeCloseTo(80 / scale, 0);
    expect(centreOf((await item(a.id))!)).toEqual(centreOf(a1!));
    expect(await selection()).toEqual([c.id]);
  });

  it('a frame is picked by its title; dragged, it carries its children, which stay in it', async () => {
    expect(await insertThroughPanel(panel, 'takeaways')).toBe('done');
    const frame = (await boardItems(page)).find((i) => i.type === 'frame')!;
    const child = await create('i rammen', frame.absolute.x + 400, frame.absolute.y + frame.absolute.height - 300);
    await select([]);
    const title = (await page.locator(`sandbox-board g[data-id="${frame.id}"] text[data-part="title"]`).boundingBox())!;
    const from = { x: title.x + Math.min(20, title.width / 2), y: title.y + title.height / 2 };
    await page.mouse.click(from.x, from.y);
    expect(await selection()).toEqual([frame.id]);
    const scale = await boardScale();
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 50, from.y + 40, { steps: 5 });
    await page.mouse.up();
    const f1 = (await item(frame.id))!;
    expect(f1.absolute.x - frame.absolute.x).toBeCloseTo(50 / scale, 0);
    expect(f1.absolute.y - frame.absolute.y).toBeCloseTo(40 / scale, 0);
    const c1 = (await item(child.id))!;
    expect(c1.parentId).toBe(frame.id);
    expect(c1.absolute.x - child.absolute.x).toBeCloseTo(50 / scale, 0);
    // A click on the frame's body is board, not the frame: it clears the selection.
    const body = await screenOf(page, f1.absolute.x + 30, f1.absolute.y + f1.absolute.height - 30);
    await page.mouse.click(body.x, body.y);
    expect(await selection()).toEqual([]);
  });

  it('Alt+arrow keys move the selection by keyboard', async () => {
    const [a] = await threeInARow();
    await select([a.id]);
    await page.locator('sandbox-board svg').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowLeft');
    const moved = (await item(a.id))!;
    expect(centreOf(moved).x - centreOf(a).x).toBeCloseTo(-20, 6);
    expect(centreOf(moved).y - centreOf(a).y).toBeCloseTo(40, 6);
  });

  it('a sticky dragged into a frame becomes its child, and dragged out it leaves', async () => {
    expect(await insertThroughPanel(panel, 'takeaways')).toBe('done');
    for (let i = 0; i < 3; i++) await page.click('sandbox-board button[aria-label="Zoom out"]');
    const frame = (await boardItems(page)).find((i) => i.type === 'frame')!;
    const f = frame.absolute;
    const outside = await create('ude', f.x - 300, f.y + f.height / 2, null);
    const from = await screenOfItem(page, outside.id);
    const to = await screenOf(page, f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    const inside = (await item(outside.id))!;
    expect(inside.parentId).toBe(frame.id);
    expect(centreOf(inside).x).toBeCloseTo(f.x + f.width / 2, -1);
    expect((await item(frame.id))!.absolute).toEqual(f);
    await page.mouse.move(to.x, to.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y, { steps: 8 });
    await page.mouse.up();
    expect((await item(outside.id))!.parentId).toBeNull();
  });

  it('Delete removes the selected stickies (items:delete reaches the app); the toolbar button does too', async () => {
    const [a, b, c] = await threeInARow();
    await select([a.id, b.id]);
    const p = await screenOfItem(page, a.id);
    await page.mouse.click(p.x, p.y); // focuses the board and keeps a and b? no: a click on one of several selects just it
    expect(await selection()).toEqual([a.id]);
    await page.keyboard.down('Shift');
    await page.mouse.click((await screenOfItem(page, b.id)).x, (await screenOfItem(page, b.id)).y);
    await page.keyboard.up('Shift');
    await page.keyboard.press('Delete');
    expect((await stickies()).map((i) => i.id)).toEqual([c.id]);
    await expect.poll(async () => (await heardInPanel(panel)).filter((h) => h.name === 'items:delete').flatMap((h) => h.ids)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await selection()).toEqual([]);
    await expect.poll(() => panelSelection(panel)).toEqual([]);
    await expect.poll(() => page.locator('sandbox-app [data-notice]').textContent()).toBe('2 deleted');

    const del = page.getByRole('button', { name: 'Delete selected' });
    expect(await del.getAttribute('aria-disabled')).toBe('true');
    await select([c.id]);
    await del.click();
    expect(await stickies()).toEqual([]);
  });
});

describe('accessibility', () => {
  it('has no axe violations with a selection, the keyboard cursor and the sticky dialog open', async () => {
    const [a] = await threeInARow();
    await select([a.id]);
    await page.locator('sandbox-board svg').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'New sticky note' }).waitFor();
    expect((await axeViolations(page)).map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});

describe('in Danish', () => {
  it('the board tools, the sticky dialog and the keyboard read-out speak Danish', async () => {
    const da = await openSandbox(browser, vite.url, 'da');
    try {
      const p = da.page;
      await p.getByRole('toolbar', { name: 'Redskaber til boardet' }).waitFor();
      expect(await p.getByLabel('Handler som').inputValue()).toBe('u1');
      await p.getByRole('button', { name: 'Ny seddel' }).click();
      const dialog = p.getByRole('dialog', { name: 'Ny seddel' });
      await dialog.getByLabel('Tekst på sedlen').fill('Travlhed');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.waitFor({ state: 'detached' });
      await p.locator('sandbox-board svg').focus();
      await p.keyboard.press('ArrowRight');
      await expect.poll(() => p.locator('sandbox-board [role="status"]').textContent()).toBe('Seddel 1 af 1: Travlhed (markeret)');
      expect(await p.locator('sandbox-board-tools [role="status"]').textContent()).toBe('1 markeret');
    } finally {
      await da.close();
    }
  });
});
