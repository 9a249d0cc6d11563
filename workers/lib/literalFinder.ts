/** A hit of one literal of a {@link LiteralFinder}. */
export interface LiteralHit<T> {
  start: number;
  end: number;
  literal: string;
  values: T[];
}

/**
 * Finds the literals of a small rule table (a few hundred phrases) in a text with one RegExp
 * alternation, built once. Longer literals are tried first, so at each position the longest one
 * wins; hits do not overlap. Literals that several rules share keep all their values.
 */
export class LiteralFinder<T> {
  private readonly pattern: RegExp | null;
  private readonly values = new Map<string, T[]>();

  constructor(entries: ReadonlyArray<{ literal: string; value: T }>) {
    for (const { literal, value } of entries) {
      if (!literal) continue;
      const list = this.values.get(literal);
      if (list) list.push(value);
      else this.values.set(literal, [value]);
    }
    const literals = [...this.values.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.pattern = literals.length ? new RegExp(literals.map(escapeRegExp).join('|'), 'g') : null;
  }

  findAll(text: string): LiteralHit<T>[] {
    if (!this.pattern) return [];
    const hits: LiteralHit<T>[] = [];
    for (const match of text.matchAll(this.pattern)) {
      const start = match.index;
      hits.push({ start, end: start + match[0].length, literal: match[0], values: this.values.get(match[0]) ?? [] });
    }
    return hits;
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
