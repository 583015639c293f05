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

  set(roundId: string, key: string): void {
    this.memory.set(roundId, key);
    try {
      this.storage?.setItem(this.prefix + roundId, key);
    } catch {
      /* memory only */
    }
  }
}
