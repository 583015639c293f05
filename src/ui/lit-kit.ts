/**
 * The panel's Lit kit: what every element here would otherwise write again.
 *
 * Reactive properties: one short entry each in `static properties = props({…})`, and the
 * type and default as a plain class field (`lang: Lang = 'da';`). tsconfig keeps
 * useDefineForClassFields off, so field defaults are set through Lit's accessors.
 * Events up: `emit(this, 'lang-change', { lang })`, checked against HTMLElementEventMap.
 */
import type { PropertyDeclaration, PropertyDeclarations } from 'lit';

/** Internal reactive state (no attribute). */
export const STATE = 'state';
/** Set from JavaScript only (objects, ports, docs): no attribute. */
export const PROP = 'prop';

type Kind = StringConstructor | NumberConstructor | BooleanConstructor | typeof STATE | typeof PROP | PropertyDeclaration;

/** `{ lang: String, done: Number, board: PROP, run: STATE }` as Lit's property declarations. */
export function props(table: Record<string, Kind>): PropertyDeclarations {
  const out: Record<string, PropertyDeclaration> = {};
  for (const [name, kind] of Object.entries(table)) {
    out[name] = kind === STATE ? { state: true } : kind === PROP ? { attribute: false } : typeof kind === 'function' ? { type: kind } : kind;
  }
  return out;
}

/** The events in HTMLElementEventMap that are CustomEvents (ours), not the DOM's own. */
type CustomEventName = { [K in keyof HTMLElementEventMap]: HTMLElementEventMap[K] extends CustomEvent<unknown> ? K : never }[keyof HTMLElementEventMap];
type DetailOf<K extends CustomEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches `type` from `host`, bubbling out of shadow roots, with the detail its entry in
 * HTMLElementEventMap declares. Cancelable: returns false when a listener called preventDefault.
 */
export function emit<K extends CustomEventName>(
  host: EventTarget,
  type: K,
  ...detail: DetailOf<K> extends undefined ? [] : [DetailOf<K>]
): boolean {
  return host.dispatchEvent(new CustomEvent(type, { detail: detail[0], bubbles: true, composed: true, cancelable: true }));
}
