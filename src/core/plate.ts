/**
 * A person's plate: their answers to the plate's question, kept on their own device only
 * (src/ui/plate-store.ts), never in the shared doc, on the board or on the server. This is
 * the pure part: the shape, and reading a stored value without ever throwing on it.
 */
export const PLATE_VERSION = 1;
/** Characters in one answer: a sticky holds far more, but an answer is a line or two. */
export const PLATE_ANSWER_MAX = 1000;
/** Answers on one plate: room for a full plate, a bound on what one key in storage holds. */
export const PLATE_ANSWERS_MAX = 50;

export interface PlateAnswer {
  /** Local id, for the panel's list; never leaves the device. */
  readonly id: string;
  readonly text: string;
}

export interface Plate {
  readonly answers: readonly PlateAnswer[];
}

export const EMPTY_PLATE: Plate = { answers: [] };

/** A stored plate, read leniently: what is not an answer is skipped, an over-long text cut. */
export function readPlate(value: unknown): Plate {
  if (typeof value !== 'object' || value === null) return EMPTY_PLATE;
  const o = value as { v?: unknown; answers?: unknown };
  if (o.v !== PLATE_VERSION || !Array.isArray(o.answers)) return EMPTY_PLATE;
  const answers: PlateAnswer[] = [];
  const seen = new Set<string>();
  for (const a of o.answers.slice(0, PLATE_ANSWERS_MAX)) {
    if (typeof a !== 'object' || a === null) continue;
    const { id, text } = a as { id?: unknown; text?: unknown };
    if (typeof id !== 'string' || !id || seen.has(id) || typeof text !== 'string') continue;
    seen.add(id);
    answers.push({ id, text: text.slice(0, PLATE_ANSWER_MAX) });
  }
  return { answers };
}

/** What is stored (JSON), the version with it. */
export function plateValue(plate: Plate): { v: number; answers: PlateAnswer[] } {
  return { v: PLATE_VERSION, answers: plate.answers.map((a) => ({ id: a.id, text: a.text })) };
}
