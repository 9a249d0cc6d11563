import fs from 'node:fs';
import { pinyin } from 'pinyin-pro';
import { wordlistPath } from './projectRoot';

/**
 * Which characters writers confuse: the same syllable (any tone, the way pinyin input methods
 * offer them), a near syllable (zh/z, ch/c, sh/s, n/l, front and back nasals), or a similar shape
 * from the shipped groups in wordlists/confusable-shapes.txt.
 */
export type Confusion = 'same-sound' | 'near-sound' | 'shape';

const readingsCache = new Map<string, string[]>();

/** Every toneless reading of a character (行 → xing, hang, heng). */
export function readingsOf(char: string): string[] {
  let readings = readingsCache.get(char);
  if (!readings) {
    readings = pinyin(char, { type: 'array', toneType: 'none', multiple: true }).filter((r) => /^[a-zü]+$/.test(r));
    readingsCache.set(char, readings);
  }
  return readings;
}

const wordReadingsCache = new Map<string, string[]>();

/** The toneless readings of a word's characters as read in that word (提质 → ti zhi, not di). */
export function wordReadings(word: string): string[] {
  let readings = wordReadingsCache.get(word);
  if (!readings) {
    readings = pinyin(word, { type: 'array', toneType: 'none' });
    // Dictionary words repeat across drafts; the cache is bounded by the dictionary itself.
    if (wordReadingsCache.size < 200_000) wordReadingsCache.set(word, readings);
  }
  return readings;
}

/** Folded syllables: there are a few hundred, and the typo detector asks for them per candidate word. */
const nearSyllableCache = new Map<string, string>();

/** A syllable with the distinctions that speakers of many dialects blur folded away. */
export function nearSyllable(syllable: string): string {
  let near = nearSyllableCache.get(syllable);
  if (near === undefined) {
    near = syllable.replace(/^zh/, 'z').replace(/^ch/, 'c').replace(/^sh/, 's').replace(/^l/, 'n').replace(/ng$/, 'n');
    if (nearSyllableCache.size < 10_000) nearSyllableCache.set(syllable, near);
  }
  return near;
}

let shapeGroups: Map<string, Set<string>> | undefined;

function shapeGroupsOf(): Map<string, Set<string>> {
  if (shapeGroups) return shapeGroups;
  const groups = new Map<string, Set<string>>();
  for (const line of fs.readFileSync(wordlistPath('confusable-shapes.txt'), 'utf8').split(/\r?\n/)) {
    const chars = [...line.trim()];
    if (!chars.length || line.startsWith('#')) continue;
    for (const char of chars) {
      const group = groups.get(char) ?? new Set<string>();
      for (const other of chars) if (other !== char) group.add(other);
      groups.set(char, group);
    }
  }
  shapeGroups = groups;
  return groups;
}

export function similarShape(a: string, b: string): boolean {
  return shapeGroupsOf().get(a)?.has(b) ?? false;
}

/** How two syllables relate, or null when they do not sound alike. */
export function soundConfusion(a: string, b: string): Confusion | null {
  if (a === b) return 'same-sound';
  if (nearSyllable(a) === nearSyllable(b)) return 'near-sound';
  return null;
}

/** Whether two characters are confusable in any reading of either (for fixed phrases, where any slip counts). */
export function charConfusion(a: string, b: string): Confusion | null {
  if (a === b) return null;
  let best: Confusion | null = null;
  for (const ra of readingsOf(a)) {
    for (const rb of readingsOf(b)) {
      const confusion = soundConfusion(ra, rb);
      if (confusion === 'same-sound') return confusion;
      best ??= confusion;
    }
  }
  return best ?? (similarShape(a, b) ? 'shape' : null);
}
