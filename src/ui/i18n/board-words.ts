/**
 * The board's words, from the tables: what its errors say (they carry only codes and
 * parameters) and what it draws (BoardWords, handed to the board link at the page's entry).
 * The UI knows the errors by shape, not by class, so it needs only their types.
 */
import type { InsertionError } from '../../board/port.js';
import type { BoardLinkError, BoardWords } from '../../board/session-board.js';
import type { Lang } from '../../core/lang.js';
import type { Failure } from '../../core/session/commands.js';
import { LOCALES } from './format.js';
import { t, type MessageKey } from './t.js';

type Coded<E extends { code: string; params: object }> = Pick<E, 'code' | 'params'>;

const hasCode = (e: unknown, name: string): boolean =>
  typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name && typeof (e as { code?: unknown }).code === 'string';

export const isInsertionError = (e: unknown): e is InsertionError => hasCode(e, 'InsertionError');
export const isBoardLinkError = (e: unknown): e is BoardLinkError => hasCode(e, 'BoardLinkError');

/** What went wrong, what is left on the board, and what to do. */
export function insertionErrorText(lang: Lang, e: Coded<InsertionError>): string {
  const { leftBehind } = e.params;
  const outcome = leftBehind > 0 ? t(lang, 'insert.outcome.leftBehind', { n: leftBehind }) : t(lang, 'insert.outcome.nothing');
  return t(lang, `insert.error.${e.code}`, { ...e.params, outcome });
}

const INSERTION_CODES: Readonly<Record<InsertionError['code'], true>> = { refused: true, 'rate-limited': true, aborted: true, 'no-space': true, 'invalid-layout': true };

/** The insert-template action's refusal in words; undefined for a code that is not the board's (unexpected). */
export function insertFailureText(lang: Lang, f: Failure): string | undefined {
  if (!Object.hasOwn(INSERTION_CODES, f.code)) return undefined;
  const p = f.params ?? {};
  const params = { element: String(p.element ?? ''), removed: Number(p.removed ?? 0), leftBehind: Number(p.leftBehind ?? 0) };
  return insertionErrorText(lang, { code: f.code as InsertionError['code'], params });
}

const CLUSTER_REASONS: Record<string, MessageKey> = {
  'no-notes': 'cluster.error.no-notes',
  'no-cluster': 'cluster.error.no-cluster',
  'bad-colour': 'cluster.error.bad-colour',
};

/** A board link's refusal in words; undefined when `e` is not one (the caller has its own fallback). */
export function boardErrorText(lang: Lang, e: unknown): string | undefined {
  if (!isBoardLinkError(e)) return undefined;
  const { leftBehind, reason } = e.params;
  const reasonKey = e.code === 'invalid' ? CLUSTER_REASONS[reason] : undefined;
  const text = t(lang, reasonKey ?? `board.error.${e.code}`);
  return leftBehind > 0 ? `${text} ${t(lang, 'board.error.leftBehind', { n: leftBehind })}` : text;
}

const ORDINALS: Record<Lang, Intl.PluralRules> = {
  da: new Intl.PluralRules(LOCALES.da, { type: 'ordinal' }),
  en: new Intl.PluralRules(LOCALES.en, { type: 'ordinal' }),
};

/** "1." / "1st": the rank as the language writes an ordinal. */
export function ordinal(lang: Lang, n: number): string {
  const form = ORDINALS[lang].select(n);
  return t(lang, `board.results.rank.${form === 'one' || form === 'two' || form === 'few' ? form : 'other'}`, { n });
}

/** The words the board draws, in `lang`: given to the board link by the page's entry. */
export function boardWords(lang: Lang): BoardWords {
  const dates = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric' });
  return {
    title: (question) => t(lang, 'board.results.title', { question }),
    rank: (rank, tied) => (tied ? t(lang, 'board.results.tied', { rank: ordinal(lang, rank) }) : ordinal(lang, rank)),
    more: (n) => t(lang, 'board.results.more', { n }),
    date: (date) => dates.format(new Date(date)),
    participation: (n, total) => (total ? t(lang, 'board.results.votedOf', { n, total }) : t(lang, 'board.results.voted', { n })),
    clusterLabel: t(lang, 'board.cluster.label'),
    planYes: t(lang, 'board.plan.yes'),
    planNo: t(lang, 'board.plan.no'),
  };
}
