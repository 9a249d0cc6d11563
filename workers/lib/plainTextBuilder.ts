/**
 * The plain text of a body as it is built, text node by text node. Reading the end of a string
 * that keeps growing by `+=` (endsWith, charCodeAt of the last character) makes V8 copy all of it
 * each time, and a long body took seconds to minutes (80,000 <br> in 44 s). Here the parts are kept
 * in a list and joined once, and the end that the extraction asks about (a line break just
 * written, trailing spaces to drop) is kept aside.
 */
export class PlainTextBuilder {
  private readonly parts: string[] = [];
  /** Length of the parts. */
  private committed = 0;
  /** The last character of the parts (a char code), -1 while there is none. */
  private last = -1;
  /** Spaces (U+0020) at the end, not yet in the parts: the next block or line break drops them. */
  private spaces = 0;

  get length(): number {
    return this.committed + this.spaces;
  }

  endsWithLineBreak(): boolean {
    return this.spaces === 0 && this.last === 0x0a;
  }

  endsWithSpace(): boolean {
    return this.spaces > 0;
  }

  append(text: string): void {
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
    if (end === 0) {
      this.spaces += text.length;
      return;
    }
    if (this.spaces > 0) {
      this.parts.push(' '.repeat(this.spaces));
      this.committed += this.spaces;
    }
    const kept = end === text.length ? text : text.slice(0, end);
    this.parts.push(kept);
    this.committed += kept.length;
    this.last = kept.charCodeAt(kept.length - 1);
    this.spaces = text.length - end;
  }

  trimTrailingSpaces(): void {
    this.spaces = 0;
  }

  toString(): string {
    return this.parts.join('') + ' '.repeat(this.spaces);
  }
}
