/**
 * Issue 11, a keyboard-only pass: a participant follows a workshop with the keyboard alone
 * (Tab and Enter, focus always visible), while the facilitator leads. The participant's panel
 * follows the step, they say "I'm done", vote when the round opens, see the results when they
 * are revealed and the item discussed, and never click. And a round over a template's own
 * cards (the deck's items) is voted and revealed.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { focusedElement, type Focused } from './support/focus.js';
import { useBrowserEnv } from './support/browser-env.js';
import { insertThroughPanel, loopbackPage } from './support/sandbox-page.js';
import { row, sessionPanel, tab, writeSticky } from './support/session-steps.js';

const env = useBrowserEnv();
const selectedTab = (p: Frame) => p.locator('button[role="tab"][aria-selected="true"]').getAttribute('data-tab');

/** Tab (forwards) until the focused element is the one wanted; every stop shows its focus. */
async function tabTo(panel: Frame, want: (f: Focused) => boolean, what: string): Promise<Focused> {
  for (let i = 0; i < 80; i++) {
    await panel.page().keyboard.press('Tab');
    const f = await focusedElement(panel);
    if (f && want(f)) {
      expect(f.ring, `${what}: focus visible`).toBe(true);
      return f;
    }
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('a participant with the keyboard alone', () => {
  it('follows the steps, says done, votes, and sees the results and the item discussed', async () => {
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    try {
      await page.goto(`${env.vite.url}/sandbox/`);
      await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
      await page.click('sandbox-participants button[data-action="add-participant"]');
      const [f, p] = (await Promise.all(['u1', 'u2'].map((u) => sessionPanel(page, u, 'miro')))) as [Frame, Frame];
      await f.click('lead-notice button[data-action="start-session"]');
      await f.click('lead-notice button[data-action="confirm-start"]');
      await writeSticky(page, 'u2', 'Too many meetings', 0, 0);
      await writeSticky(page, 'u2', 'Unclear priorities', 300, 0);

      // The facilitator moves to a step: the participant's panel follows with no key pressed.
      await tab(f, 'workshop');
      await f.click('workshop-panel button[data-action="go-to-step"][data-step="opening"]');
      await expect.poll(() => p.locator('step-bar [data-step]').getAttribute('data-step'), { timeout: 30_000 }).toBe('opening');
      expect(await selectedTab(p)).toBe('workshop');
      // The participant enters the panel once (as Tab from Miro's board would), then only keys.
      await p.focus('button[role="tab"][aria-selected="true"]');
      await tabTo(p, (x) => x.action === 'done', 'I’m done');
      await page.keyboard.press('Enter');
      await expect.poll(() => f.locator('step-bar [data-done-count]').innerText(), { timeout: 30_000 }).toBe('Done: 1 of 1');

      // A round opens: the panel goes to Vote; two votes by keyboard.
      await tab(f, 'rounds');
      await f.fill('round-form #question', 'What first?');
      await f.fill('round-form #k', '1');
      await f.click('round-form button[data-action="create"]');
      const round = f.locator('facilitator-panel li[data-round]');
      await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('draft');
      await round.locator('button[data-action="open"]').click();
      await expect.poll(() => selectedTab(p), { timeout: 30_000 }).toBe('vote');
      await expect.poll(() => p.locator('vote-panel li[data-target]').count(), { timeout: 30_000 }).toBe(2);
      await p.focus('button[role="tab"][aria-selected="true"]');
      await tabTo(p, (x) => x.action === 'cast', 'a vote');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect.poll(() => p.locator('vote-panel li[data-target] [data-count]').allInnerTexts(), { timeout: 30_000 }).toContain('2');

      // The reveal brings the results; the item discussed shows above them.
      await round.locator('button[data-action="reveal"]').click();
      await expect.poll(() => selectedTab(p), { timeout: 30_000 }).toBe('results');
      await tab(f, 'results');
      await f.locator('discuss-controls button[data-action="discuss"]').first().click();
      await expect.poll(() => p.locator('discuss-notice [data-discussing]').innerText(), { timeout: 30_000 }).toMatch(/^Now discussing: /);
      // The results' downloads are within reach of the keyboard too.
      await p.focus('button[role="tab"][aria-selected="true"]');
      await tabTo(p, (x) => x.tag === 'button' && x.text === 'Download CSV', 'the results');
    } finally {
      await context.close();
    }
  });

  it('votes on a template’s own cards (the deck’s items) without copying them onto stickies', async () => {
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    try {
      await page.goto(`${env.vite.url}/sandbox/`);
      const f = await sessionPanel(page, 'u1', 'miro');
      await f.waitForSelector('button[data-insert][aria-disabled="false"]', { timeout: 30_000 });
      expect(await insertThroughPanel(f, 'safe-unsafe-team')).toBe('done');
      await f.click('lead-notice button[data-action="start-session"]');
      await f.click('lead-notice button[data-action="confirm-start"]');
      await tab(f, 'rounds');
      await f.fill('round-form #question', 'Which behaviours are ours?');
      await f.fill('round-form #k', '1');
      await expect.poll(() => f.locator('round-form #scope option').allTextContents(), { timeout: 30_000 }).toContain('The template’s own cards (the deck’s items)');
      await f.selectOption('round-form #scope', { label: 'The template’s own cards (the deck’s items)' });
      await f.click('round-form button[data-action="create"]');
      const round = f.locator('facilitator-panel li[data-round]');
      await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('draft');
      await round.locator('button[data-action="open"]').click();
      await tab(f, 'vote');
      await expect.poll(() => f.locator('vote-panel li[data-target]').count(), { timeout: 30_000 }).toBe(16);
      await row(f, 'Constructive disagreement').locator('button[data-action="cast"]').click();
      await expect.poll(() => row(f, 'Constructive disagreement').locator('[data-count]').textContent(), { timeout: 30_000 }).toBe('1');
      await tab(f, 'rounds');
      await round.locator('button[data-action="reveal"]').click();
      await tab(f, 'results');
      await expect.poll(async () => (await f.locator('results-panel results-chart table[data-table] tbody tr').allInnerTexts())[0], { timeout: 30_000 }).toBe('1.\tConstructive disagreement\t1');
    } finally {
      await context.close();
    }
  });
});
