/**
 * The checks every reader of the session doc is built from (read.ts, read-plan.ts,
 * read-pulse.ts): a check returns the value it accepts or BAD; a bad entry is reported once
 * per doc and entry through `reportBadEntry`, and never thrown.
 */
import * as Y from 'yjs';
import { isId } from './ids.js';

// ---- reporting -------------------------------------------------------------------------

export interface BadEntry {
  /** the doc's map (MAP value), or 'awareness' */
  map: string;
  /** the entry's key (shortened), e.g. a round id, or `${roundId}/${slotKey}` */
  key: string;
  /** which check failed, e.g. 'not a map', 'budget' */
  reason: string;
}
/** `scope` is the doc the entry is in, or the awareness a presence state came from. */
export type BadEntryReporter = (scope: object, entry: BadEntry) => void;

const warn: BadEntryReporter = (_doc, e) => console.warn(`[tryghed] skipped a bad value in ${e.map}/${e.key}: ${e.reason}`);
let reporter: BadEntryReporter = warn;
const reported = new WeakMap<object, Set<string>>();

/** Where bad entries are reported (default: one console warning each). Returns the restore. */
export function setBadEntryReporter(fn: BadEntryReporter): () => void {
  const before = reporter;
  reporter = fn;
  return () => void (reporter = before);
}

/** Reports a skipped entry once per doc (or awareness) and entry, however often it is read. */
export function reportBadEntry(scope: object, map: string, key: string, reason: string): void {
  let seen = reported.get(scope);
  if (!seen) reported.set(scope, (seen = new Set()));
  const short = key.length > 60 ? `${key.slice(0, 60)}…` : key;
  const id = `${map}\n${short}`;
  if (seen.has(id)) return;
  seen.add(id);
  try {
    reporter(scope, { map, key: short, reason });
  } catch {
    /* a reporter's failure must not break the read */
  }
}

// ---- checks ----------------------------------------------------------------------------

/** A check returns the value it accepts, or BAD. */
export const BAD: unique symbol = Symbol('bad');
export type Check<T> = (v: unknown) => T | typeof BAD;

export const id: Check<string> = (v) => (isId(v) ? v : BAD);
export const text = (max: number): Check<string> => (v) => (typeof v === 'string' && v.length <= max ? v : BAD);
export const int = (lo: number, hi: number): Check<number> => (v) => (Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi ? (v as number) : BAD);
export const time: Check<number> = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : BAD);
export const bool: Check<boolean> = (v) => (typeof v === 'boolean' ? v : BAD);
export const oneOf = <T extends string>(values: readonly T[]): Check<T> => (v) => ((values as readonly unknown[]).includes(v) ? (v as T) : BAD);
/** null, or absent (an older writer), reads as null. */
export const nullable = <T>(c: Check<T>): Check<T | null> => (v) => (v == null ? null : c(v));
/** Absent (an older writer) reads as `dflt`. */
export const optional = <T>(c: Check<T>, dflt: T): Check<T> => (v) => (v === undefined ? dflt : c(v));

export type Spec<F> = { [K in keyof F]: Check<F[K]> };

/** A nested field map checked field by field: the record, or the name of the first bad field. */
export function fields<F>(raw: unknown, spec: Spec<F>): F | string {
  if (!(raw instanceof Y.Map)) return 'not a map';
  const out = {} as F;
  for (const k in spec) {
    const v = spec[k](raw.get(k));
    if (v === BAD) return k;
    out[k] = v;
  }
  return out;
}

/** Reads one entry of a top-level map: checked, or reported and null. `read` returns the
 *  entry (an object) or why it is bad (a string). */
export function entry<T extends object>(doc: Y.Doc, map: string, key: string, read: () => T | string): T | null {
  if (!isId(key)) return reportBadEntry(doc, map, key, 'key'), null;
  const v = read();
  if (typeof v === 'string') return reportBadEntry(doc, map, key, v), null;
  return v;
}

/** A top-level map, whatever its declared value type: every value is read as unknown. */
export type AnyMap = { get(key: string): unknown; keys(): IterableIterator<string> };

/** One entry of a map of field maps, checked. */
export function one<F extends object>(doc: Y.Doc, map: AnyMap, name: string, key: string, spec: Spec<F>): F | null {
  const raw = map.get(key);
  return raw === undefined ? null : entry(doc, name, key, () => fields(raw, spec));
}

/** Every good entry of a map of field maps. */
export function all<F extends object>(doc: Y.Doc, map: AnyMap, name: string, spec: Spec<F>): Map<string, F> {
  const out = new Map<string, F>();
  for (const k of map.keys()) {
    const f = one(doc, map, name, k, spec);
    if (f) out.set(k, f);
  }
  return out;
}

/** What every published record has: the respondent count and when; or why it is bad. */
export function publishedHead(raw: unknown): { p: Record<string, unknown>; respondents: number; at: number } | string {
  if (typeof raw !== 'object' || raw === null || raw instanceof Y.AbstractType) return 'not a record';
  const p = raw as Record<string, unknown>;
  const respondents = int(0, Number.MAX_SAFE_INTEGER)(p.respondents);
  const at = time(p.publishedAt);
  if (respondents === BAD) return 'respondents';
  if (at === BAD) return 'publishedAt';
  return { p, respondents, at };
}
