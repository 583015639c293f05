/**
 * What the board link wrote into each plan cell lately: an update event from the board that
 * says the same is the echo of its own write, not someone's edit. The last few are kept, as an
 * event can arrive after a later write.
 */
export class WrittenCells {
  private readonly texts = new Map<string, string[]>();

  note(id: string, text: string): void {
    this.texts.set(id, [text, ...(this.texts.get(id) ?? []).filter((t) => t !== text)].slice(0, 3));
  }

  isEcho(id: string, text: string): boolean {
    return this.texts.get(id)?.includes(text) ?? false;
  }
}
