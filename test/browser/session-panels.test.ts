/**
 * The session panels in a real browser: two people (facilitator Fie, participant Anne) on two
 * linked docs in one page (test/browser/fixtures/session-panels.html), LocalVoteService each.
 * Voting by keyboard, remaining votes, refusals in words, withdraw, roles, the round life
 * cycle, participation, results with ties, export, and axe on every panel.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { useBrowserEnv } from './support/browser-env.js';
import { loopbackPage } from './support/sandbox-page.js';
import { focusedElement as focused } from './support/focus.js';
import { t } from '../../src/ui/i18n/session-strings.js';
import { leaks } from '../support/byte-search.js';

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const PANELS = ['presence-list', 'facilitator-panel', 'vote-panel', 'results-panel', 'cluster-panel', 'plan-panel', 'plate-panel'] as const;

const env = useBrowserEnv();

async function openFixture(lang: 'da' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1280, height: 1000 }, locale: lang === 'da' ? 'da-DK' : 'en-GB', acceptDownloads: true });
  await page.goto(`${env.vite.url}/test/browser/fixtures/session-panels.html?lang=${lang}`);
  await page.waitForFunction(() => window.__fx?.ready === true, null, { timeout: 60_000 });
  return { context, page };
}

const col = (page: Page, user: 'fac' | 'anne') => page.locator(`section[data-user="${user}"]`);
const panel = (page: Page, user: 'fac' | 'anne', tag: (typeof PANELS)[number]) => col(page, user).locator(tag);
const row = (page: Page, user: 'fac' | 'anne', noteIndex: number) =>
  panel(page, user, 'vote-panel').locator(`li[data-target="${['3458764511111111111', '3458764522222222222', '3458764533333333333', '3458764544444444444'][noteIndex]}"]`);

/** What the panel's live region says now (a repeat of the same words ends in a no-break space). */
const announced = async (p: Locator) => ((await p.locator('[role="status"]').textContent()) ?? '').replace(/\u00a0$/, '');

async function axe(page: Page, target: Locator) {
  await page.evaluate(AXE);
  const handle = await target.elementHandle();
  return page.evaluate(async (el) => {
    const axe = (window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ passes: unknown[]; violations: { id: string; impact: string; nodes: { html: string; failureSummary: string }[] }[] }> } }).axe;
    const r = await axe.run(el!, { resultTypes: ['violations'] });
    return { checked: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.html} — ${n.failureSummary}`) })) };
  }, handle);
}

/** axe on one panel: it must have looked inside the shadow root, and found nothing serious. */
async function expectAccessible(page: Page, target: Locator, what: string) {
  const { checked, violations } = await axe(page, target);
  expect(checked, `${what}: rules that passed`).toBeGreaterThan(3);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `${what}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
  if (violations.length) console.warn(`${what}: minor axe findings`, violations.map((v) => v.id));
}

describe('session panels (Danish)', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await openFixture('da')));
  afterAll(async () => context?.close());
  beforeEach(async () => page.evaluate(() => window.__fx.reset()));

  it('shows who has the app open, from awareness', async () => {
    await expect.poll(() => panel(page, 'fac', 'presence-list').locator('li').allTextContents()).toEqual(['Fie (dig)', 'Anne']);
    await expect.poll(() => panel(page, 'anne', 'presence-list').locator('li').allTextContents()).toEqual(['Anne (dig)', 'Fie']);
  });

  it('a participant sees no facilitator controls, only who the facilitator is', async () => {
    await page.evaluate(() => window.__fx.round({ open: false }));
    const anne = panel(page, 'anne', 'facilitator-panel');
    await expect.poll(() => anne.locator('[data-role]').getAttribute('data-role')).toBe('participant');
    expect(await anne.locator('[data-role]').textContent()).toContain('Facilitator er Fie');
    await expect.poll(() => anne.locator('li[data-round]').count()).toBe(1);
    expect(await anne.locator('round-form').count()).toBe(0);
    expect(await anne.locator('button').count()).toBe(0);
    // the facilitator has them
    const fie = panel(page, 'fac', 'facilitator-panel');
    expect(await fie.locator('round-form').count()).toBe(1);
    expect(await fie.locator('li[data-round] button[data-action="open"]').count()).toBe(1);
  });

  it('the facilitator creates, opens, closes and reveals a round; the participant follows', async () => {
    const fie = panel(page, 'fac', 'facilitator-panel');
    const form = fie.locator('round-form');
    // An empty question is refused next to the field, and focus goes there.
    await form.locator('button[data-action="create"]').click();
    await expect.poll(() => form.locator('#question').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#question-err').textContent()).toBe('Skriv det spørgsmål, der skal stemmes om.');
    expect((await focused(page))?.tag).toBe('input');
    // Defaults are the brief's: 5 votes, cap 3, anonymous, hidden; k fits the two present (k-suggestion.ts).
    expect(await form.locator('#budget').inputValue()).toBe('5');
    expect(await form.locator('#cap').inputValue()).toBe('3');
    expect(await form.locator('#k').inputValue()).toBe('2');
    expect(await form.locator('input[name="anonymity"][value="anonymous"]').isChecked()).toBe(true);
    expect(await form.locator('input[name="visibility"][value="hidden"]').isChecked()).toBe(true);
    // Sealed is offered only with a server.
    expect(await form.locator('input[value="sealed"]').count()).toBe(0);
    await form.locator('#question').fill('Hvad fylder mest?');
    // A template's scopes sit under its title; a scope with nothing in it says so, and why.
    expect(await form.locator('#scope optgroup[label="Tryghed"] option').allTextContents()).toEqual(['Det vi ikke taler nok om', 'Andet']);
    await page.evaluate(() => window.__fx.select('fac', window.__fx.plateNotes));
    await form.locator('#scope').selectOption({ label: 'Markerede på tallerkenen' });
    await form.locator('button[data-action="create"]').click();
    await expect.poll(() => form.locator('#scope-err').textContent()).toBe(
      'Sedlerne i »Markerede på tallerkenen« ligger på tallerkenen, som der aldrig stemmes om (sedlerne kan stadig ses på boardet). Vælg sedler uden for tallerkenen.');
    await form.locator('#scope').selectOption({ label: 'Andet' });
    await form.locator('button[data-action="create"]').click();
    await expect.poll(() => form.locator('#scope-err').textContent()).toBe('Der er endnu ingen sedler at stemme om i »Tryghed › Andet«.');
    await form.locator('#scope').selectOption({ label: 'Det vi ikke taler nok om' });
    await form.locator('#k').fill('1');
    await form.locator('#minutes').fill('10');
    await form.locator('input[name="anonymity"][value="named"]').check();
    await form.locator('#question').press('Enter');
    await expect.poll(() => page.evaluate(() => window.__fx.rounds().length)).toBe(1);
    const [r] = await page.evaluate(() => window.__fx.rounds());
    expect(r).toMatchObject({ question: 'Hvad fylder mest?', status: 'draft', budget: 5, cap: 3, k: 1, anonymity: 'named', visibility: 'hidden', timeLimitMs: 600_000 });
    expect(r!.targets).toHaveLength(3);
    const anneVote = panel(page, 'anne', 'vote-panel');
    expect(await anneVote.locator('.empty').textContent()).toBe('Der er ingen åben afstemning lige nu.');

    const round = fie.locator(`li[data-round="${r!.id}"]`);
    await round.locator('button[data-action="open"]').click();
    await expect.poll(() => round.getAttribute('data-status')).toBe('open');
    await expect.poll(() => anneVote.locator('li[data-target]').count()).toBe(3);
    expect(await anneVote.locator('h3').textContent()).toBe('Hvad fylder mest?');
    expect(await anneVote.locator('[data-time-left]').textContent()).toMatch(/Tid tilbage: (10:00|9:5\d)/);
    // Focus stays in the round after its buttons change.
    expect((await focused(page))?.tag).toBe('button');

    await row(page, 'anne', 0).locator('button[data-action="cast"]').click();
    await expect.poll(() => fie.locator('[data-voter="3458764500000000002"]').textContent()).toBe('Anne: har stemt ✓');
    expect(await fie.locator('[data-voter="3458764500000000001"]').textContent()).toBe('Fie: ikke endnu');
    expect(await fie.locator('[data-participation]').textContent()).toBe('1 af 2 har stemt');

    await round.locator('button[data-action="close"]').click();
    await expect.poll(() => round.getAttribute('data-status')).toBe('closed');
    await expect.poll(() => anneVote.locator('li[data-target]').count()).toBe(0);
    const anneResults = panel(page, 'anne', 'results-panel');
    expect(await anneResults.locator('[data-hidden-reason]').getAttribute('data-hidden-reason')).toBe('hidden-until-reveal');
    expect(await anneResults.locator('[data-hidden-reason]').textContent()).toContain('Resultatet er skjult, indtil facilitatoren viser det. 1 har stemt.');

    await round.locator('button[data-action="reveal"]').click();
    await expect.poll(() => round.getAttribute('data-status')).toBe('revealed');
    await expect.poll(() => anneResults.locator('results-chart g[data-row]').count()).toBe(3);
    expect(await round.locator('button').count()).toBe(0);
    // Every step went through the control port (the server checks them in server mode).
    expect(await page.evaluate(() => window.__fx.board.commands)).toEqual(['create-round', 'open-round', 'close-round', 'reveal-round']);
  });

  it('the round form shows how many are present, suggests a k that fits, and warns with fewer than five', async () => {
    const form = panel(page, 'fac', 'facilitator-panel').locator('round-form');
    const fit = form.locator('[data-k-fit]');
    await form.locator('input[name="anonymity"][value="anonymous"]').check();
    await expect.poll(() => fit.locator('[data-present]').textContent()).toBe('Til stede nu: 2');
    expect(await fit.locator('#k-suggest').textContent()).toBe('Forslag med 2 til stede: 2.');
    expect(await form.locator('#k').getAttribute('aria-describedby')).toBe('k-err k-fit');
    expect(await fit.locator('[data-few-present]').textContent()).toBe(t('da', 'round.fewPresent'));
    // A k above those present: said, and the suggestion is one keypress away.
    await form.locator('#k').fill('4');
    await expect.poll(() => fit.locator('[data-k-above]').textContent()).toBe('Kun 2 er til stede nu: resultatet forbliver skjult, til 4 har stemt.');
    await fit.locator('[data-action="use-k"]').focus();
    expect(await fit.locator('[data-action="use-k"]').textContent()).toBe('Brug 2');
    await page.keyboard.press('Enter');
    await expect.poll(() => form.locator('#k').inputValue()).toBe('2');
    expect(await fit.locator('[data-k-above]').count()).toBe(0);
    expect(await fit.locator('[data-action="use-k"]').count()).toBe(0);
    // Named rounds name voters anyway: no warning about totals there.
    await form.locator('input[name="anonymity"][value="named"]').check();
    await expect.poll(() => fit.locator('[data-few-present]').count()).toBe(0);
    await form.locator('input[name="anonymity"][value="anonymous"]').check();
  });

  it('casts by keyboard, counts down, refuses in words, and withdraws; focus stays put', async () => {
    await page.evaluate(() => window.__fx.round({ anonymity: 'anonymous', visibility: 'live', k: 1 }));
    const vote = panel(page, 'anne', 'vote-panel');
    await expect.poll(() => vote.locator('[data-remaining]').textContent()).toBe('Stemmer tilbage: 5 af 5');
    expect(await vote.locator('.meta').first().textContent()).toContain('Anonym afstemning');
    const plus0 = row(page, 'anne', 0).locator('button[data-action="cast"]');
    expect(await plus0.getAttribute('aria-label')).toBe('Giv »Arbejdspres« en stemme');
    await plus0.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => vote.locator('[data-remaining]').textContent()).toBe('Stemmer tilbage: 4 af 5');
    expect(await announced(vote)).toBe('Stemme afgivet på »Arbejdspres«. 4 tilbage.');
    expect(await focused(page)).toMatchObject({ tag: 'button', action: 'cast', target: '3458764511111111111' });
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect.poll(() => vote.locator('[data-remaining]').textContent()).toBe('Stemmer tilbage: 2 af 5');
    expect(await row(page, 'anne', 0).locator('[data-count]').textContent()).toBe('3');
    // The cap (3 on one item) is said in words, and the button says it does nothing.
    expect(await plus0.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => vote.locator('[data-error]').textContent()).toBe('Højst 3 stemmer på det samme.');
    expect(await focused(page)).toMatchObject({ action: 'cast', target: '3458764511111111111' });
    // Two more elsewhere: the budget is used up.
    const plus1 = row(page, 'anne', 1).locator('button[data-action="cast"]');
    await plus1.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => vote.locator('[data-remaining]').textContent()).toBe('Stemmer tilbage: 0 af 5');
    const plus2 = row(page, 'anne', 2).locator('button[data-action="cast"]');
    await plus2.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => vote.locator('[data-error]').textContent()).toBe('Du har brugt alle 5 stemmer. Tag en tilbage, hvis du vil flytte den.');
    expect(await announced(vote)).toContain('Du har brugt alle 5 stemmer');
    // Withdraw by keyboard: Tab back from + through the count to −.
    const minus0 = row(page, 'anne', 0).locator('button[data-action="withdraw"]');
    await minus0.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => vote.locator('[data-remaining]').textContent()).toBe('Stemmer tilbage: 1 af 5');
    expect(await announced(vote)).toBe('Stemme taget tilbage fra »Arbejdspres«. 1 tilbage.');
    expect(await vote.locator('[data-error]').textContent()).toBe('');
    expect(await focused(page)).toMatchObject({ action: 'withdraw', target: '3458764511111111111' });
    // Withdrawing with none left on an item is refused in words too.
    const minus3 = row(page, 'anne', 3).locator('button[data-action="withdraw"]');
    await minus3.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => vote.locator('[data-error]').textContent()).toBe('Du har ingen stemme på det.');
    // Anonymous: the facilitator sees a count, no names.
    const fie = panel(page, 'fac', 'facilitator-panel');
    await expect.poll(() => fie.locator('[data-participation]').textContent()).toBe('1 af 2 har stemt');
    expect(await fie.locator('[data-voter]').count()).toBe(0);
    expect(await fie.textContent()).not.toContain('Anne');
  });

  it('counts down a time limit and says when time is up', async () => {
    await page.evaluate(() => window.__fx.round({ timeLimitMs: 6000, question: 'Hurtig runde' }));
    const vote = panel(page, 'anne', 'vote-panel');
    await expect.poll(() => vote.locator('[data-time-left]').textContent()).toMatch(/^Tid tilbage: 0:0[1-6]$/);
    expect(await panel(page, 'fac', 'facilitator-panel').locator('[data-time-left]').textContent()).toMatch(/^Tid tilbage: 0:0[0-6]$/);
    await expect.poll(() => vote.locator('[data-timed-out]').textContent(), { timeout: 20_000 }).toBe('Tiden er gået for »Hurtig runde«. Facilitatoren viser resultatet.');
    expect(await vote.locator('li[data-target]').count()).toBe(0);
    await expect.poll(() => panel(page, 'fac', 'facilitator-panel').locator('li[data-round]').getAttribute('data-status')).toBe('closed');
  });

  it('says why no result is shown below k', async () => {
    const id = await page.evaluate(() => window.__fx.round({ visibility: 'live', k: 3 }));
    await page.evaluate(({ id }) => window.__fx.cast('anne', id, window.__fx.notes[0]!), { id });
    const results = panel(page, 'fac', 'results-panel');
    await expect.poll(() => results.locator('[data-hidden-reason]').getAttribute('data-hidden-reason')).toBe('below-k');
    expect((await results.locator('[data-hidden-reason]').textContent())!.trim()).toBe('Resultatet vises, når mindst 3 har stemt. 1 har stemt indtil nu.');
    expect(await results.locator('results-chart').count()).toBe(0);
    expect(await results.locator('button[data-export]').count()).toBe(0);
  });

  it('shows ranks and ties in the chart and its table, and exports CSV and Markdown', async () => {
    const id = await page.evaluate(async () => {
      const fx = window.__fx;
      const id = fx.round({ visibility: 'live', k: 1, anonymity: 'named' });
      const [a, b, c, d] = fx.notes as [string, string, string, string];
      for (const t of [a, a, a, b, c]) await fx.cast('fac', id, t);
      for (const t of [b, c, d]) await fx.cast('anne', id, t);
      return id; // a 3, b 2, c 2, d 1
    });
    const results = panel(page, 'anne', 'results-panel');
    const chart = results.locator('results-chart');
    await expect.poll(() => chart.locator('g[data-row]').count()).toBe(4);
    const ranks = await chart.locator('g[data-row]').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-rank'), g.getAttribute('data-tied')]));
    expect(ranks).toEqual([['1', 'false'], ['2', 'true'], ['2', 'true'], ['4', 'false']]);
    const label = await chart.locator('svg').getAttribute('aria-label');
    expect(label).toBe('Søjlediagram med 4 emner, flest stemmer først: 1. Arbejdspres, 3 stemmer; 2. (delt) Konflikter i teamet, 2 stemmer; 2. (delt) Sygefravær, 2 stemmer; 4. =Ensomhed, | "alene", 1 stemme.');
    expect(await chart.locator('svg').getAttribute('role')).toBe('img');
    const table = await chart.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(table).toEqual([
      ['1.', 'Arbejdspres', '3'], ['2. (delt)', 'Konflikter i teamet', '2'], ['2. (delt)', 'Sygefravær', '2'], ['4.', '=Ensomhed, | "alene"', '1'],
    ]);
    expect(await results.locator('[data-respondents]').textContent()).toBe('2 har stemt, 8 stemmer i alt.');
    // Only the facilitator may put the result on the board.
    expect(await results.locator('[data-action="show-on-board"]').count()).toBe(0);
    const fieResults = panel(page, 'fac', 'results-panel');
    await fieResults.locator('[data-action="show-on-board"]').click();
    await expect.poll(() => page.evaluate(() => window.__fx.board.calls.filter((c) => c.op === 'showResults').length)).toBe(1);
    const [shownRound, shownVisible, shownMeta] = await page.evaluate(() => window.__fx.board.calls.find((c) => c.op === 'showResults')!.args);
    expect([shownRound, shownVisible]).toEqual([id, true]);
    expect(shownMeta).toMatchObject({ labels: { [await page.evaluate(() => window.__fx.notes[0]!)]: 'Arbejdspres' } });

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), results.locator('button[data-export="csv"]').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^tryghed-resultater-hvad-skal-vi-tale-mere-om-\d{4}-\d\d-\d\d\.csv$/);
    expect(csvDownload.suggestedFilename()).not.toContain(id);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv).toBe(
      '\ufeffPlacering;Delt placering;Emne;Type;Stemmer\r\n' +
        '1;nej;Arbejdspres;Seddel;3\r\n2;ja;Konflikter i teamet;Seddel;2\r\n2;ja;Sygefravær;Seddel;2\r\n' +
        `4;nej;"'=Ensomhed, | ""alene""";Seddel;1\r\n`,
    );
    const [mdDownload] = await Promise.all([page.waitForEvent('download'), results.locator('button[data-export="markdown"]').click()]);
    expect(mdDownload.suggestedFilename()).toMatch(/^tryghed-resultater-hvad-skal-vi-tale-mere-om-\d{4}-\d\d-\d\d\.md$/);
    const md = readFileSync((await mdDownload.path())!, 'utf8');
    expect(md).toContain('## Hvad skal vi tale mere om?');
    expect(md).toContain('| 2 (delt) | Konflikter i teamet | Seddel | 2 |');
    expect(md).toContain('| 4 | =Ensomhed, \\| "alene" | Seddel | 1 |');
  });

  it('groups selected notes into a cluster that both see and vote on as one', async () => {
    const notes = await page.evaluate(() => window.__fx.notes);
    await page.evaluate((ids) => window.__fx.select('anne', ids), [notes[0]!, notes[1]!]);
    const clusters = panel(page, 'anne', 'cluster-panel');
    await expect.poll(() => clusters.locator('[data-selection]').textContent()).toBe('2 sedler markeret.');
    await clusters.locator('#new-label').fill('Pres og konflikter');
    await clusters.locator('#new-label').press('Enter');
    const fieClusters = panel(page, 'fac', 'cluster-panel');
    await expect.poll(() => fieClusters.locator('li[data-cluster] h3').allTextContents()).toEqual(['Pres og konflikter 2 sedler']);
    expect(await page.evaluate(() => window.__fx.board.calls.map((c) => [c.user, c.op]))).toEqual([['anne', 'placeCluster']]);
    // A round over the four notes: the two grouped ones are one row.
    await page.evaluate(() => window.__fx.round({ visibility: 'live', k: 1 }));
    const vote = panel(page, 'anne', 'vote-panel');
    await expect.poll(() => vote.locator('li[data-target]').count()).toBe(3);
    expect(await vote.locator('li[data-target] .label').first().textContent()).toContain('Pres og konflikter');
    // Take a note out: it is its own row again.
    await fieClusters.locator(`button[data-action="take-out"][data-note="${notes[1]}"]`).click();
    await expect.poll(() => vote.locator('li[data-target]').count()).toBe(4);
  });

  it('the facilitator drafts P-IGLO initiatives from the top priorities; the participant reads them', async () => {
    const id = await page.evaluate(async () => {
      const fx = window.__fx;
      const id = fx.round({ visibility: 'hidden', k: 1 });
      const [a, b, c] = fx.notes as [string, string, string];
      for (const t of [a, a, b, b, c]) await fx.cast('fac', id, t);
      return id;
    });
    const fiePlan = panel(page, 'fac', 'plan-panel');
    const annePlan = panel(page, 'anne', 'plan-panel');
    // Hidden until reveal: nothing to draft from yet.
    await expect.poll(() => fiePlan.locator('.hint').textContent()).toContain('Når en afstemning har et resultat');
    await page.evaluate((id) => window.__fx.reveal(id), id);
    await fiePlan.locator('#draft-count').fill('1');
    await fiePlan.locator('#draft-layer').selectOption('O');
    await fiePlan.locator('button[data-action="draft"]').click();
    // Top 1 with a tie at the top: both tied items come along, on layer O.
    // The voted items are the problems; the initiatives are left for the team to write.
    await expect.poll(() => annePlan.locator('ul[data-layer="O"] li [data-problem]').allTextContents()).toEqual(['Problem: Arbejdspres', 'Problem: Konflikter i teamet']);
    expect(await annePlan.locator('ul[data-layer="O"] li strong').allTextContents()).toEqual(['Indsats uden tekst', 'Indsats uden tekst']);
    expect(await annePlan.locator('input, select, button').count()).toBe(0);
    const first = fiePlan.locator('ul[data-layer="O"] li').first();
    await first.locator('input[id^="owner-"]').fill('Fie');
    await first.locator('input[id^="owner-"]').press('Enter');
    await first.locator('input[type="checkbox"]').check();
    await first.locator('button[data-action="accept"]').click();
    await expect.poll(() => annePlan.locator('ul[data-layer="O"] li').first().textContent()).toMatch(/Ansvarlig: Fie · Tidsfrist: – · Status: Ikke startet · del af vores beredskab/);
    // The owner's edit shows before the accept arrives: wait for the accept itself.
    await expect.poll(() => annePlan.locator('ul[data-layer="O"] li.draft').count()).toBe(1);
    // Add one by hand on I.
    await fiePlan.locator('#new-layer').selectOption('I');
    await fiePlan.locator('#new-text').fill('Tjek ind med hinanden hver mandag');
    await fiePlan.locator('#new-text').press('Enter');
    await expect.poll(() => annePlan.locator('ul[data-layer="I"] li strong').allTextContents()).toEqual(['Tjek ind med hinanden hver mandag']);
  });

  it('the facilitator downloads the P-IGLO plan as CSV and as Markdown, by layer, drafts marked', async () => {
    await page.evaluate(async () => {
      const fx = window.__fx;
      const id = fx.round({ visibility: 'live', k: 1 });
      const [a, , , d] = fx.notes as [string, string, string, string];
      for (const t of [a, a, a, d, d]) await fx.cast('fac', id, t);
      document.querySelector<HTMLElementTagNameMap['plan-panel']>('section[data-user="fac"] plan-panel')!.now = () => new Date(2026, 10, 27, 12, 0).getTime();
    });
    const fiePlan = panel(page, 'fac', 'plan-panel');
    // Nothing to export yet: no buttons.
    expect(await fiePlan.locator('button[data-export]').count()).toBe(0);
    await fiePlan.locator('#draft-count').fill('2');
    await fiePlan.locator('#draft-layer').selectOption('G');
    await fiePlan.locator('button[data-action="draft"]').click();
    await expect.poll(() => fiePlan.locator('ul[data-layer="G"] li').count()).toBe(2);
    const first = fiePlan.locator('ul[data-layer="G"] li').first();
    await first.locator('input[id^="owner-"]').fill('Fie');
    await first.locator('input[id^="owner-"]').press('Enter');
    await first.locator('textarea[id^="text-"]').fill('Mere sparring');
    await first.locator('textarea[id^="text-"]').press('Enter');
    await first.locator('input[id^="deadline-"]').fill('2027-03-01');
    await first.locator('input[id^="deadline-"]').press('Enter');
    await first.locator('input[type="checkbox"]').check();
    await first.locator('button[data-action="accept"]').click();
    await fiePlan.locator('#new-layer').selectOption('P');
    await fiePlan.locator('#new-text').fill('Aftale med direktionen om pressen');
    await fiePlan.locator('#new-text').press('Enter');
    await expect.poll(() => fiePlan.locator('ul[data-layer="P"] li').count()).toBe(1);
    await expect.poll(() => fiePlan.locator('ul[data-layer="G"] li.draft').count()).toBe(1);
    // Only the facilitator exports.
    expect(await panel(page, 'anne', 'plan-panel').locator('button').count()).toBe(0);

    const csvButton = fiePlan.locator('button[data-export="csv"]');
    expect(await csvButton.textContent()).toBe('Hent plan som CSV');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), csvButton.click()]);
    expect(csvDownload.suggestedFilename()).toBe('tryghed-handlingsplan-p-iglo-2026-11-27.csv');
    expect(readFileSync((await csvDownload.path())!, 'utf8')).toBe(
      '\ufeffNiveau;Problem;Indsats;Ansvarlig;Tidsfrist;Opfølgning (dato);Opfølgning (hvordan);Succeskriterie;Status;Beredskab;Kilde;Udkast\r\n' +
        'P – Politisk niveau / omverden;;Aftale med direktionen om pressen;;;;;;Ikke startet;nej;;nej\r\n' +
        'G – Gruppe (ledergruppen);Arbejdspres;Mere sparring;Fie;2027-03-01;;;;Ikke startet;ja;"»Hvad skal vi tale mere om?«, nr. 1";nej\r\n' +
        `G – Gruppe (ledergruppen);"'=Ensomhed, | ""alene""";;;;;;;Ikke startet;nej;"»Hvad skal vi tale mere om?«, nr. 2";ja\r\n`,
    );
    const mdButton = fiePlan.locator('button[data-export="markdown"]');
    expect(await mdButton.textContent()).toBe('Hent plan som Markdown');
    const [mdDownload] = await Promise.all([page.waitForEvent('download'), mdButton.click()]);
    expect(mdDownload.suggestedFilename()).toBe('tryghed-handlingsplan-p-iglo-2026-11-27.md');
    const md = readFileSync((await mdDownload.path())!, 'utf8');
    expect(md.startsWith('# P-IGLO-indsatsplan\n\nDato: 2026-11-27\n\n## P – Politisk niveau / omverden\n')).toBe(true);
    expect(md).toContain('| – | Aftale med direktionen om pressen | – | – | – | – | – | Ikke startet | nej | – |');
    expect(md).toContain('## O – Organisation\n\nIngen indsatser endnu.\n');
    expect(md).toContain('| Arbejdspres | Mere sparring | Fie | 2027-03-01 | – | – | – | Ikke startet | ja | »Hvad skal vi tale mere om?«, nr. 1 |\n' +
      '| =Ensomhed, \\| "alene" | _(udkast)_ | – | – | – | – | – | Ikke startet | nej | »Hvad skal vi tale mere om?«, nr. 2 |\n');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), fiePlan.locator('button[data-export="json"]').click()]);
    expect(jsonDownload.suggestedFilename()).toBe('tryghed-handlingsplan-p-iglo-2026-11-27.json');
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { initiatives: Array<{ initiative: string; deadline: string }> };
    expect(json.initiatives.map((i) => [i.initiative, i.deadline])).toEqual([['Aftale med direktionen om pressen', ''], ['Mere sparring', '2027-03-01'], ['', '']]);
    expect(md).toContain('## I – Individ\n\nIngen indsatser endnu.\n');
  });

  it('with a board link, grouping, renaming, dissolving and showing results go through it; its refusals are said', async () => {
    const notes = await page.evaluate(() => window.__fx.notes);
    await page.evaluate((ids) => window.__fx.select('fac', ids), [notes[2]!, notes[3]!]);
    const clusters = panel(page, 'fac', 'cluster-panel');
    await clusters.locator('#new-label').fill('Fravær');
    await clusters.locator('#new-colour').selectOption('light_blue');
    await clusters.locator('button[data-action="group"]').click();
    await expect.poll(() => panel(page, 'anne', 'cluster-panel').locator('li[data-cluster] h3').allTextContents()).toEqual(['Fravær 2 sedler']);
    expect(await page.evaluate(() => window.__fx.clusters()[0]!.colour)).toBe('light_blue');
    const cluster = clusters.locator('li[data-cluster]');
    const clusterId = await cluster.getAttribute('data-cluster');
    await cluster.locator('textarea[id^="name-"]').fill('Sygefravær og ensomhed');
    await cluster.locator('textarea[id^="name-"]').press('Enter');
    await expect.poll(() => page.evaluate(() => window.__fx.clusters().map((c) => c.label))).toEqual(['Sygefravær og ensomhed']);
    await cluster.locator('button[data-action="dissolve"]').click();
    await expect.poll(() => page.evaluate(() => window.__fx.clusters().length)).toBe(0);
    expect(await page.evaluate(() => window.__fx.board.calls.map((c) => c.op))).toEqual(['placeCluster', 'relabelCluster', 'removeClusterItems']);
    expect(await page.evaluate(() => window.__fx.board.calls[0]!.args)).toEqual(['Fravær']);
    expect(await page.evaluate(() => window.__fx.board.calls[1]!.args)).toEqual([clusterId, 'Sygefravær og ensomhed']);
    expect(await page.evaluate(() => window.__fx.board.calls[2]!.args)).toEqual([clusterId]);
    // A refusal from the board is said in words.
    await page.evaluate(() => (window.__fx.board.fail = true));
    await clusters.locator('button[data-action="group"]').click();
    await expect.poll(() => clusters.locator('[data-error]').textContent()).toBe(t('da', 'board.error.refused'));

    await page.evaluate(() => (window.__fx.board.fail = false));
    const id = await page.evaluate(async () => {
      const id = window.__fx.round({ visibility: 'live', k: 1 });
      await window.__fx.cast('anne', id, window.__fx.notes[0]!);
      return id;
    });
    const results = panel(page, 'fac', 'results-panel');
    await results.locator('[data-action="show-on-board"]').click();
    await expect.poll(() => page.evaluate(() => window.__fx.board.calls.filter((c) => c.op === 'showResults').length)).toBe(1);
    const [roundId, visible, meta] = await page.evaluate(() => window.__fx.board.calls.find((c) => c.op === 'showResults')!.args);
    expect([roundId, visible]).toEqual([id, true]);
    expect(meta).toMatchObject({ question: 'Hvad skal vi tale mere om?', lang: 'da', labels: { [notes[0]!]: 'Arbejdspres' } });
    await page.evaluate(() => (window.__fx.board.fail = true));
    await results.locator('[data-action="show-on-board"]').click();
    await expect.poll(() => results.locator('[data-board-error]').textContent()).toBe(t('da', 'board.error.refused'));
  });

  it('the plate: answers are written in the panel and stay on the device; a copy reaches the board only after the panel says what it is', async () => {
    const plate = panel(page, 'anne', 'plate-panel');
    const secret = 'Gåturen med hunden hver morgen';
    expect(await plate.locator('[data-where]').textContent()).toBe(t('da', 'plate.where'));
    await plate.locator('#plate-new').fill(secret);
    await plate.locator('button[data-action="add"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => plate.locator('li[data-answer]').count()).toBe(1);
    expect(await announced(plate)).toBe(t('da', 'plate.added'));
    expect(await plate.locator('li[data-answer] textarea').inputValue()).toBe(secret);
    const anne = await page.evaluate(() => window.__fx.people.anne!.id);
    expect(await page.evaluate((key) => localStorage.getItem(key), `tryghed.plate.fixture-board.${anne}`)).toContain(secret);

    // Asking for a copy opens the confirmation, focused; Escape goes back with nothing sent.
    const share = plate.locator('li[data-answer] button[data-action="share"]');
    expect(await share.getAttribute('aria-label')).toBe('Sæt en kopi på boardet: svar 1');
    await share.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page))?.tag).toBe('div');
    const confirm = plate.locator('[data-confirm]');
    expect(await confirm.textContent()).toContain(`En kopi af »${secret}« bliver en almindelig seddel på boardet`);
    expect(await confirm.textContent()).toContain('Alle på boardet kan se den');
    expect(await share.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await focused(page)).toMatchObject({ tag: 'button', action: 'share' });
    expect(await page.evaluate(() => window.__fx.board.calls.filter((c) => c.op === 'shareNote').length)).toBe(0);

    // Confirmed: one copy of exactly that text goes to the board; the answer stays as it was.
    await page.keyboard.press('Enter');
    await plate.locator('button[data-action="confirm-share"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__fx.board.calls.filter((c) => c.op === 'shareNote').map((c) => [c.user, ...c.args]))).toEqual([['anne', secret]]);
    await expect.poll(() => announced(plate)).toBe(t('da', 'plate.shared'));
    expect(await focused(page)).toMatchObject({ tag: 'button', action: 'share' });
    expect(await plate.locator('li[data-answer] textarea').inputValue()).toBe(secret);
    // Nothing of it is in either shared doc; nor on the facilitator's plate.
    const docs = (await page.evaluate(() => window.__fx.sharedBytes())).map((b64, i) => ({ where: `doc ${i}`, data: new Uint8Array(Buffer.from(b64, 'base64')) }));
    expect(leaks(docs, [secret])).toEqual([]);
    expect(await panel(page, 'fac', 'plate-panel').locator('li[data-answer]').count()).toBe(0);

    // Deleted from the device by its own button; focus goes to the new answer's field.
    await plate.locator('li[data-answer] button[data-action="remove"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => plate.locator('li[data-answer]').count()).toBe(0);
    expect(await focused(page)).toMatchObject({ tag: 'textarea' });
    expect(await page.evaluate((key) => localStorage.getItem(key), `tryghed.plate.fixture-board.${anne}`)).toBeNull();
  });

  it('every panel passes axe with no serious or critical violations', async () => {
    const id = await page.evaluate(async () => {
      const fx = window.__fx;
      fx.select('fac', [fx.notes[0]!]);
      const id = fx.round({ visibility: 'live', k: 1, anonymity: 'named' });
      await fx.cast('anne', id, fx.notes[0]!);
      fx.round({ open: false, question: 'Kladde' });
      fx.initiative('Tjek ind hver mandag');
      return id;
    });
    await panel(page, 'anne', 'cluster-panel').evaluate(() => undefined);
    await page.evaluate((ids) => window.__fx.select('anne', ids), [await page.evaluate(() => window.__fx.notes[2]!)]);
    await panel(page, 'anne', 'cluster-panel').locator('button[data-action="group"]').click();
    await expect.poll(() => panel(page, 'fac', 'results-panel').locator('results-chart').count()).toBe(1);
    expect(id).toBeTruthy();
    // Anne's plate with an answer and its confirmation open: every part of the panel is checked.
    const plate = panel(page, 'anne', 'plate-panel');
    await plate.locator('#plate-new').fill('Tid til at tænke');
    await plate.locator('button[data-action="add"]').click();
    await plate.locator('li[data-answer] button[data-action="share"]').last().click();
    await plate.locator('[data-confirm]').waitFor();
    for (const user of ['fac', 'anne'] as const) {
      for (const tag of PANELS) {
        await expectAccessible(page, panel(page, user, tag), `${user} ${tag}`);
      }
    }
  });
});

describe('session panels (English)', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await openFixture('en')));
  afterAll(async () => context?.close());

  it('speaks English: remaining votes, announcements, refusals, hidden results', async () => {
    await page.evaluate(() => window.__fx.round({ budget: 1, cap: 1, visibility: 'hidden', k: 1 }));
    const vote = panel(page, 'anne', 'vote-panel');
    await expect.poll(() => vote.locator('[data-remaining]').textContent()).toBe('Votes left: 1 of 1');
    await row(page, 'anne', 2).locator('button[data-action="cast"]').click();
    await expect.poll(() => announced(vote)).toBe('Vote cast on “Sygefravær”. 0 left.');
    // aria-disabled, not disabled: it can still be pressed, and says why nothing happens.
    await row(page, 'anne', 1).locator('button[data-action="cast"]').click({ force: true });
    await expect.poll(() => vote.locator('[data-error]').textContent()).toBe('You have used 1 vote, all you have. Take it back to move it.');
    expect((await panel(page, 'anne', 'results-panel').locator('[data-hidden-reason]').textContent())!.trim())
      .toBe('The results are hidden until the facilitator shows them. 1 has voted.');
    expect(await panel(page, 'anne', 'facilitator-panel').locator('[data-role]').textContent()).toContain('The facilitator is Fie.');
    for (const tag of PANELS) {
      await expectAccessible(page, panel(page, 'fac', tag), `en ${tag}`);
    }
  });
});
