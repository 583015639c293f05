import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contains, overlaps } from '../../../src/core/geometry.js';
import { LANGS } from '../../../src/core/lang.js';
import { contrastRatio } from '../../../src/core/layout/badges.js';
import {
  fitLines, layoutResults, RESULTS_BAR_FILL, RESULTS_BESIDE_GAP, RESULTS_FILL, RESULTS_TEXT_COLOUR,
  type ResultsInput, type ResultsRow,
} from '../../../src/core/layout/results-frame.js';
import { countLines, estimateTextHeight } from '../../../src/core/layout/text-metrics.js';
import type { PlannedItem, PlannedShape, PlannedText } from '../../../src/core/layout/types.js';
import { rank } from '../../../src/core/session/tally.js';
import { MIN_ITEM_SIZE } from '../../../src/core/miro-rules.js';
import { boardWords } from '../../../src/ui/i18n/board-words.js';

const textOf = (html: string) => html.replace(/<\/p><p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const DATE = new Date(2026, 10, 27, 14, 30);
const byId = (items: PlannedItem[], id: string) => items.find((i) => i.elementId === id);
const texts = (items: PlannedItem[]) => items.filter((i): i is PlannedText => i.kind === 'text');
const bars = (items: PlannedItem[]) => items.filter((i): i is PlannedShape => i.kind === 'shape' && i.elementId.startsWith('bar-'));

/** Ranked rows as the tally ranks them (competition ranking, ties flagged). */
function ranked(votes: number[]): ResultsRow[] {
  const rows = rank(votes.map((v, i) => ({ targetId: `t${String(i).padStart(3, '0')}`, kind: 'note' as const, votes: v, rank: 0, tied: false })));
  return rows.map((r) => ({ label: `Forslag ${r.targetId}`, votes: r.votes, rank: r.rank, tied: r.tied }));
}

function expectWellFormed(input: ResultsInput) {
  const l = layoutResults(input);
  const [frame, ...children] = l.items;
  expect(frame!.kind).toBe('frame');
  expect(frame!.rect).toEqual(l.frame);
  expect(new Set(l.items.map((i) => i.elementId)).size).toBe(l.items.length);
  for (const c of children) {
    expect(contains(l.frame, c.rect), c.elementId).toBe(true);
    expect(c.rect.width).toBeGreaterThanOrEqual(MIN_ITEM_SIZE);
  }
  // No two children overlap.
  for (let i = 0; i < children.length; i++) {
    for (let j = i + 1; j < children.length; j++) {
      expect(overlaps(children[i]!.rect, children[j]!.rect), `${children[i]!.elementId} × ${children[j]!.elementId}`).toBe(false);
    }
  }
  // Every text holds its content by the estimate.
  for (const t of texts(l.items)) expect(estimateTextHeight(textOf(t.content), t.fontSize, t.rect.width)).toBeLessThanOrEqual(t.rect.height);
  return l;
}

describe('layoutResults', () => {
  it('draws the question, one bar per row with widths proportional to the votes, rank, label, count, date and n of N', () => {
    const rows = ranked([8, 4, 2, 1]);
    const l = expectWellFormed({ question: 'Hvad skal vi tale mere om?', rows, date: DATE, respondents: 7, eligible: 9, lang: 'da', words: boardWords('da') });
    expect(textOf((byId(l.items, 'question') as PlannedText).content)).toBe('Hvad skal vi tale mere om?');
    const b = bars(l.items);
    expect(b).toHaveLength(4);
    const unit = b[0]!.rect.width / 8;
    rows.forEach((r, i) => expect(b[i]!.rect.width).toBeCloseTo(unit * r.votes, 6));
    // Bars line up on the left, longest first, top to bottom.
    expect(new Set(b.map((x) => x.rect.x)).size).toBe(1);
    for (let i = 1; i < b.length; i++) expect(b[i]!.rect.y).toBeGreaterThan(b[i - 1]!.rect.y);
    expect(textOf((byId(l.items, 'rank-0') as PlannedText).content)).toBe('1.');
    expect(textOf((byId(l.items, 'label-1') as PlannedText).content)).toBe(rows[1]!.label);
    expect(textOf((byId(l.items, 'count-0') as PlannedText).content)).toBe('8');
    expect(textOf((byId(l.items, 'date') as PlannedText).content)).toBe('27. november 2026');
    expect(textOf((byId(l.items, 'participation') as PlannedText).content)).toBe('7 af 9 har stemt');
    expect(byId(l.items, 'more')).toBeUndefined();
    expect(l.items[0]).toMatchObject({ title: 'Resultat: Hvad skal vi tale mere om?' });
  });

  it('shows ties as tied, in both languages', () => {
    const rows = ranked([5, 5, 3, 2, 2]);
    const da = layoutResults({ question: 'Q', rows, date: DATE, respondents: 5, eligible: 6, lang: 'da', words: boardWords('da') });
    const en = layoutResults({ question: 'Q', rows, date: DATE, respondents: 5, eligible: 6, lang: 'en', words: boardWords('en') });
    const ranks = (l: typeof da) => rows.map((_, i) => textOf((byId(l.items, `rank-${i}`) as PlannedText).content));
    expect(ranks(da)).toEqual(['1. (delt)', '1. (delt)', '3.', '4. (delt)', '4. (delt)']);
    expect(ranks(en)).toEqual(['tied 1st', 'tied 1st', '3rd', 'tied 4th', 'tied 4th']);
    expect(textOf((byId(en.items, 'participation') as PlannedText).content)).toBe('5 of 6 voted');
    expect(textOf((byId(en.items, 'date') as PlannedText).content)).toBe('27 November 2026');
    // Tied rows have bars of the same width.
    expect(bars(da.items)[0]!.rect.width).toBe(bars(da.items)[1]!.rect.width);
  });

  it('lists the top rows and says how many more there are', () => {
    const rows = ranked(Array.from({ length: 14 }, (_, i) => 20 - i));
    for (const lang of LANGS) {
      const l = expectWellFormed({ question: 'Q', rows, date: DATE, respondents: 12, eligible: 15, lang, words: boardWords(lang) });
      expect(bars(l.items)).toHaveLength(10);
      expect(l).toMatchObject({ shown: 10, more: 4 });
      expect(textOf((byId(l.items, 'more') as PlannedText).content)).toBe(lang === 'da' ? '… og 4 mere' : '… and 4 more');
    }
  });

  it('wraps a long question and cuts long labels to two lines, all within the frame', () => {
    const question = 'Hvilke af de ting, vi har skrevet om det trygge og det utrygge lederteam, vil I helst arbejde videre med i de næste seks måneder, og hvorfor netop dem? '.repeat(2);
    const long = 'Vi taler sjældent om, hvordan det egentlig går med os selv, fordi der altid er en driftsopgave, der haster mere, og fordi ingen vil være den første, der siger det højt';
    const rows = ranked([3, 2]).map((r) => ({ ...r, label: long }));
    const l = expectWellFormed({ question, rows, date: DATE, respondents: 3, lang: 'da', words: boardWords('da') });
    const q = byId(l.items, 'question') as PlannedText;
    expect(countLines(textOf(q.content), q.fontSize, q.rect.width)).toBeGreaterThan(2);
    const label = textOf((byId(l.items, 'label-0') as PlannedText).content);
    expect(label.endsWith('…')).toBe(true);
    expect(countLines(label, 24, 560)).toBeLessThanOrEqual(2);
    expect(textOf((byId(l.items, 'participation') as PlannedText).content)).toBe('3 har stemt');
  });

  it('goes beside the given rect', () => {
    const beside = { x: 1000, y: -300, width: 2400, height: 1600 };
    const l = layoutResults({ question: 'Q', rows: ranked([1]), date: DATE, respondents: 1, lang: 'en', words: boardWords('en'), beside });
    expect(l.frame.x).toBe(beside.x + beside.width + RESULTS_BESIDE_GAP);
    expect(l.frame.y).toBe(beside.y);
    expect(overlaps(l.frame, beside)).toBe(false);
  });

  it('is well formed for any tally (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.constantFrom(...LANGS),
        (votes, question, lang) => {
          const rows = ranked(votes);
          const l = expectWellFormed({ question, rows, date: DATE, respondents: 3, eligible: 9, lang, words: boardWords(lang) });
          const b = bars(l.items);
          const max = Math.max(...votes);
          b.forEach((bar, i) => {
            if (rows[i]!.votes > 0 && max > 0) expect(bar.rect.width / b[0]!.rect.width).toBeCloseTo(rows[i]!.votes / max, 6);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('helpers: label fitting; colours with contrast', () => {
    expect(fitLines('kort', 24, 560, 2)).toBe('kort');
    expect(fitLines('x'.repeat(200), 24, 560, 2).endsWith('…')).toBe(true);
    expect(contrastRatio(RESULTS_TEXT_COLOUR, RESULTS_FILL)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(RESULTS_BAR_FILL, RESULTS_FILL)).toBeGreaterThanOrEqual(3);
  });
});
