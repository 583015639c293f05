/**
 * Presence through Yjs awareness: re-renders the host when anyone's state changes and reads
 * the names of everyone who has the app open. Awareness carries a display name only.
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

/** Announce this device's display name (the shell calls it, or presence-list given `me`). */
export function setPresence(awareness: Awareness, name: string): void {
  const current = awareness.getLocalState()?.[PRESENCE_FIELD] as PresenceState | undefined;
  if (current?.name !== name) awareness.setLocalStateField(PRESENCE_FIELD, { name } satisfies PresenceState);
}

/** Everyone with a presence state, self first, then by name. */
export function presentPeople(awareness: Awareness): Present[] {
  const out: Present[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const p = readPresence(state, awareness);
    if (p) out.push({ clientId, name: p.name, self: clientId === awareness.clientID });
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
    return this.current ? presentPeople(this.current) : [];
  }
}
