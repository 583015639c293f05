/** localStorage, or undefined where touching it throws (Miro's sandboxed iframe, private mode). */
export function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
