/**
 * Where this device keeps its anonymous ballot keys (LocalVoteService): localStorage, per
 * board and user, so a reload keeps the same ballot. Where storage is refused (a sandboxed
 * frame), the keys live in memory for as long as the panel is open.
 */
import type { BallotKeyStore } from '../core/session/local-vote-service.js';
import { safeStorage } from '../ui/safe-storage.js';

export class LocalBallotKeyStore implements BallotKeyStore {
  private readonly memory = new Map<string, string>();
  private readonly prefix: string;

  constructor(
    boardId: string,
    userId: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeStorage(),
  ) {
    this.prefix = `tryghed.ballot.${boardId}.${userId}.`;
  }

  get(roundId: string): string | null {
    try {
      const v = this.storage?.getItem(this.prefix + roundId);
      if (v) return v;
    } catch {
      /* fall back to memory */
    }
    return this.memory.get(roundId) ?? null;
  }

  /** Forgets every key of this board and user (the session ended and its data was deleted). */
  clear(): void {
    this.memory.clear();
    try {
      const s = this.storage as Partial<Pick<Storage, 'key' | 'length' | 'removeItem'>> | undefined;
      if (!s?.key || !s.removeItem) return;
      const mine: string[] = [];
      for (let i = 0; i < (s.length ?? 0); i++) {
        const k = s.key(i);
        if (k?.startsWith(this.prefix)) mine.push(k);
      }
      for (const k of mine) s.removeItem(k);
    } catch {
      /* nothing stored, or storage refused */
    }
  }

  set(roundId: string, key: string): void {
    this.memory.set(roundId, key);
    try {
      this.storage?.setItem(this.prefix + roundId, key);
    } catch {
      /* memory only */
    }
  }
}
