/**
 * Boards nobody has used for `idleDays` are deleted: their documents (the shared doc and the
 * control doc), seat, rounds, sealed ballots and pulse answers. A board is in use while anyone
 * is connected to it; its clock starts when the last one leaves (and on every connect). A
 * board loaded right now is never deleted. IDLE_DAYS=0 keeps boards for ever.
 */
import type { connectedPayload, Extension, onDisconnectPayload } from '@hocuspocus/server';
import type { AuthContext } from './auth.js';
import type { DocStore } from './doc-store.js';
import { controlRoom } from './miro-token.js';
import type { Storage } from './votes/types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export class IdleBoards implements Extension {
  extensionName = 'tryghed-idle-boards';

  constructor(
    private readonly storage: Storage,
    private readonly docs: Pick<DocStore, 'delete'>,
    private readonly idleDays: number,
    /** Whether the board's documents are loaded on this instance now. */
    private readonly loaded: (room: string) => boolean,
    private readonly now: () => number = Date.now,
    /** A board whose session is being ended (ended.ts): its leaving connections are no use. */
    private readonly ending: (room: string) => boolean = () => false,
  ) {}

  private touch(context: unknown): Promise<void> {
    const room = (context as AuthContext | undefined)?.room;
    return room && !this.ending(room) ? this.storage.touchRoom(room, this.now()).catch((e: Error) => console.error('[tryghed] noting board use failed:', e.message)) : Promise.resolve();
  }

  async connected({ context }: connectedPayload): Promise<void> {
    await this.touch(context);
  }

  async onDisconnect({ context }: onDisconnectPayload): Promise<void> {
    await this.touch(context);
  }

  /** Deletes every board idle for longer than the configured days; resolves to their rooms. */
  async sweep(): Promise<string[]> {
    if (this.idleDays <= 0) return [];
    const rooms = (await this.storage.idleRooms(this.now() - this.idleDays * DAY_MS)).filter((r) => !this.loaded(r));
    for (const room of rooms) {
      await this.docs.delete([room, controlRoom(room)]);
      await this.storage.deleteRoom(room);
    }
    return rooms;
  }
}
