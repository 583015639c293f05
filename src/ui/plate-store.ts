/**
 * Where a person's plate lives: this device's localStorage, one key per board and user, never
 * the shared doc, the board or the server. Where storage is refused (Miro's sandboxed frame,
 * private browsing) the plate lives in memory while the panel is open, and `persistent` says so,
 * so the panel can tell the person that closing it loses what they wrote.
 */
import { EMPTY_PLATE, plateValue, readPlate, type Plate } from '../core/plate.js';
import { safeStorage } from './safe-storage.js';

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const plateKey = (boardId: string, userId: string) => `tryghed.plate.${boardId}.${userId}`;

export class PlateStore {
  private memory: Plate = EMPTY_PLATE;
  private readonly key: string;
  /** Whether the last read or write reached the device's storage. */
  persistent: boolean;

  constructor(boardId: string, userId: string, private readonly storage: KeyValue | undefined = safeStorage()) {
    this.key = plateKey(boardId, userId);
    this.persistent = storage !== undefined;
    this.memory = this.readStored() ?? EMPTY_PLATE;
  }

  private readStored(): Plate | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (raw === null || raw === undefined) return null;
      return readPlate(JSON.parse(raw));
    } catch {
      // Unreadable JSON or refused storage: start from what memory holds, never throw.
      return null;
    }
  }

  load(): Plate {
    return this.memory;
  }

  save(plate: Plate): void {
    this.memory = plate;
    try {
      if (!this.storage) throw new Error('no storage');
      if (plate.answers.length === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(plateValue(plate)));
      this.persistent = true;
    } catch {
      this.persistent = false;
    }
  }
}
