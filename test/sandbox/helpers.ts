import { expect } from 'vitest';
import { StandInBoard, type StandInOptions } from '../../sandbox/host/stand-in.js';

export function boardWith(users: string[] = ['u1', 'u2'], options: StandInOptions = {}): StandInBoard {
  const board = new StandInBoard(options);
  for (const id of users) board.addUser({ id, name: `User ${id}` });
  return board;
}

/** Expect `promise` to reject with an error carrying `code`; returns the error. */
export async function refusedWith(promise: Promise<unknown>, code: string): Promise<Error & { code: string; status: number }> {
  const err = await promise.then(
    () => { throw new Error(`expected a refusal with code ${code}, but the call succeeded`); },
    (e: unknown) => e as Error & { code: string; status: number },
  );
  expect(err).toBeInstanceOf(Error);
  expect(err.code, err.message).toBe(code);
  return err;
}
