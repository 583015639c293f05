/**
 * Presence through Yjs awareness: re-renders the host when anyone's state changes and reads
 * the names of everyone who has the app open. Awareness carries a user id and a display name.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import { PRESENCE_FIELD, type PresenceState } from '../../core/session/presence.js';
import { readPresence } from '../../core/session/read.js';
import { FollowingController } from './following-controller.js';

export interface Present {
  clientId: number;
  name: string;
  self: boolean;
}

/** Announce this device's user and display name (the shell calls it, or presence-list given `me`). */
export function setPresence(awareness: Awareness, name: string, user?: string): void {
  const current = readPresence(awareness.getLocalState(), awareness);
  if (current?.name === name && current.user === user) return;
  const done = current?.done;
  awareness.setLocalStateField(PRESENCE_FIELD, { name, ...(user === undefined ? {} : { user }), ...(done === undefined ? {} : { done }) } satisfies PresenceState);
}

/** "I'm done" with the step `key` names (null: not done), in this device's own presence. */
export function setDone(awareness: Awareness, key: string | null): void {
  const current = readPresence(awareness.getLocalState(), awareness);
  if (!current) return;
  const { done: _old, ...rest } = current;
  awareness.setLocalStateField(PRESENCE_FIELD, (key === null ? rest : { ...rest, done: key }) satisfies PresenceState);
}

/** Who is here and who said "I'm done" with step `key`: people by user id (a person with two
 *  devices counts once, done if either says so), leaving out `except` (the facilitator). */
export function doneOf(awareness: Awareness, key: string, except: string | null): { done: number; total: number } {
  const users = new Map<string, boolean>();
  for (const state of awareness.getStates().values()) {
    const p = readPresence(state, awareness);
    if (!p?.user || p.user === except) continue;
    users.set(p.user, (users.get(p.user) ?? false) || p.done === key);
  }
  return { done: [...users.values()].filter(Boolean).length, total: users.size };
}

/** Whether this device's presence says "I'm done" with step `key`. */
export const isDone = (awareness: Awareness, key: string): boolean => readPresence(awareness.getLocalState(), awareness)?.done === key;

/**
 * Everyone with a presence state, self first, then by name. The name shown is the host's for
 * the state's user id where `nameOf` knows it (in server mode the server has checked that id
 * against the sign-in), else the name the peer sent.
 */
export function presentPeople(awareness: Awareness, nameOf: (user: string) => string | undefined = () => undefined): Present[] {
  const out: Present[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const p = readPresence(state, awareness);
    if (p) out.push({ clientId, name: (p.user !== undefined ? nameOf(p.user) : undefined) ?? p.name, self: clientId === awareness.clientID });
  }
  return out.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

export class AwarenessController extends FollowingController {
  private current: Awareness | undefined;

  constructor(
    private host: ReactiveControllerHost,
    private awareness: () => Awareness | undefined,
  ) {
    super();
    host.addController(this);
  }

  private onChange = () => this.host.requestUpdate();

  protected sync() {
    const next = this.connected ? this.awareness() : undefined;
    if (next === this.current) return;
    this.current?.off('change', this.onChange);
    next?.on('change', this.onChange);
    this.current = next;
  }

  get people(): Present[] {
    return this.current ? presentPeople(this.current, this.nameOf) : [];
  }

  /** The host's name for a user id (Miro's online users), when the host knows it. */
  nameOf: (user: string) => string | undefined = () => undefined;
}
