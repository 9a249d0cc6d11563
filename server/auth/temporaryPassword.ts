import { randomInt } from 'node:crypto';
import { passwordPolicy } from './passwordPolicy';

// No look-alikes (0/O, 1/l/I), so that a password read out over the phone is typed right.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@!?-';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;

/**
 * A random password for an account a system admin creates or resets: every character class, at
 * least 14 characters (about 85 bits), from the system's random source. It is shown once and must be
 * changed at first login.
 */
export function temporaryPassword(length = Math.max(14, passwordPolicy().minLength)): string {
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
