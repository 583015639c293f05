/** The pulses' readers (read.ts says how a session doc is read): a bad pulse or answer is skipped. */
import * as Y from 'yjs';
import { isId } from './ids.js';
import { isPulseAnswers, PULSE_ITEMS, PULSE_SCALE } from './pulse-aggregate.js';
import { all, BAD, entry, id, int, nullable, one, oneOf, optional, publishedHead, reportBadEntry, text, time, type Spec } from './read-checks.js';
import { LIMITS, MAP, publishedPulsesMap, pulseAnswersMap, pulsesMap, type PublishedPulse, type PulseAnonymity, type PulseFields } from './schema.js';

// ---- pulses ----------------------------------------------------------------------------

const PULSE: Spec<PulseFields> = {
  label: optional(text(LIMITS.label), ''),
  anonymity: oneOf<PulseAnonymity>(['anonymous', 'sealed']),
  k: int(1, LIMITS.k),
  createdBy: id,
  createdAt: time,
  openedAt: nullable(time),
  closedAt: nullable(time),
  revealedAt: nullable(time),
};

/** A pulse's fields, or null (none, or bad). */
export const readPulse = (doc: Y.Doc, pulseId: string): PulseFields | null => one(doc, pulsesMap(doc), MAP.pulses, pulseId, PULSE);

/** Every good pulse. */
export const readPulses = (doc: Y.Doc): Map<string, PulseFields> => all(doc, pulsesMap(doc), MAP.pulses, PULSE);

/** An anonymous pulse's answer map, or null (none, or not a map). */
export function readPulseAnswerMap(doc: Y.Doc, pulseId: string): Y.Map<unknown> | null {
  const raw = pulseAnswersMap(doc).get(pulseId) as unknown;
  if (raw === undefined) return null;
  return entry(doc, MAP.pulseAnswers, pulseId, () => (raw instanceof Y.Map ? (raw as Y.Map<unknown>) : 'not a map'));
}

/** An anonymous pulse's complete answers (respondent key → seven answers); bad ones left out. */
export function readPulseAnswers(doc: Y.Doc, pulseId: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [key, v] of readPulseAnswerMap(doc, pulseId) ?? []) {
    if (isId(key) && isPulseAnswers(v)) out.set(key, v);
    else reportBadEntry(doc, MAP.pulseAnswers, `${pulseId}/${key}`, 'answers');
  }
  return out;
}

/** What the server published for a sealed pulse, or null (none, or bad). */
export function readPublishedPulse(doc: Y.Doc, pulseId: string): PublishedPulse | null {
  const raw = publishedPulsesMap(doc).get(pulseId) as unknown;
  if (raw === undefined) return null;
  return entry(doc, MAP.publishedPulses, pulseId, () => {
    const head = publishedHead(raw);
    if (typeof head === 'string') return head;
    const { p, respondents, at } = head;
    const counts = p.counts;
    const size = PULSE_ITEMS * PULSE_SCALE;
    if (!Array.isArray(counts) || (counts.length !== 0 && counts.length !== size)) return 'counts';
    if (!counts.every((c) => int(0, Number.MAX_SAFE_INTEGER)(c) !== BAD)) return 'counts';
    return { respondents, counts: counts as number[], publishedAt: at };
  });
}
