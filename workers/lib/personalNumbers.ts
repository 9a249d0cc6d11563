import { PersonalDataType } from '../rules/screeningRuleShapes';

/** A number in the text that identifies a person, with its kind and a masked form to publish instead. */
export interface PersonalNumber {
  type: PersonalDataType;
  start: number;
  end: number;
  text: string;
  digits: string;
  masked: string;
  /** An 18-character resident ID: it carries a check character, which no amount or count does. */
  checked: boolean;
  /**
   * An 18-character resident ID whose region and birth date are real but whose check character is
   * wrong: most likely a person's number with one character miscopied, still theirs to protect.
   */
  miscopied: boolean;
  /**
   * 12 to 19 digits that are none of the kinds above, a card failing Luhn included: many real
   * account numbers carry no Luhn digit, so this is a bank account only where the text says whose.
   */
  unverifiedAccount: boolean;
  /** A 残疾证号 or 全国学籍号 that carries the holder's full resident ID: `checked`, and masked in its ID part. */
  idWithin: boolean;
}

const CANDIDATES = new RegExp(
  [
    // 138-1234-5678, 138 1234 5678, 138.1234.5678, 138 12345678, 1381234 5678
    String.raw`(?:\+?86[- ]?)?1[3-9]\d(?:[-. ]\d{4}[-. ]\d{4}|[- ]\d{8}|\d{4}[- ]\d{4})`,
    String.raw`\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?`, // 6222 0212 3456 7890 123, 9558 8012 3456 7
    String.raw`\d{6}[ -]\d{8}[ -]\d{3}[\dXx]`, // 430421 19900101 1236, 430421-19900101-1236
    String.raw`[GLJglj]\d{17}[\dXx]`, // 全国学籍号: G (L, J) and the holder's resident ID
    String.raw`\d{17}[\dXx]\d{2}`, // 残疾证号: the holder's resident ID, then the kind and the grade of the disability
    String.raw`\d{11,19}[Xx]?`,
  ]
    .map((p) => `(?<![\\dA-Za-z.])(?:${p})(?![\\dA-Za-z]|\\.\\d)`)
    .join('|'),
  'g',
);

/** First two digits of the province-level codes of resident ID numbers (GB/T 2260). */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 83,
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** Whether yyyymmdd is a real day between 1900 and today. */
function isBirthDate(yyyymmdd: string, today = new Date()): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= today.getTime()
  );
}

/** 18 characters with a real region and birth date: a resident ID, whether or not its check character is right. */
function hasResidentIdShape(id: string): boolean {
  return /^\d{17}[\dX]$/i.test(id) && PROVINCE_CODES.has(Number(id.slice(0, 2))) && isBirthDate(id.slice(6, 14));
}

/** An 18-character resident ID number with a real region, birth date and GB 11643 check character. */
export function isResidentId18(id: string): boolean {
  if (!hasResidentIdShape(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11] === id[17].toUpperCase();
}

/** A 15-digit resident ID number of the old form (region, yymmdd of the 1900s, sequence; no check digit). */
export function isResidentId15(id: string): boolean {
  return /^\d{15}$/.test(id) && PROVINCE_CODES.has(Number(id.slice(0, 2))) && isBirthDate(`19${id.slice(6, 12)}`);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function isMobile(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}

/** Keeps the first `head` and last `tail` characters: 138****5678, 4304**********1236. */
export function mask(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return value;
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/** What kind of personal number a run of digits is, if any, and its masked form. */
export function classifyDigits(digits: string): { type: PersonalDataType; masked: string; miscopied?: true } | null {
  if (digits.length === 18 && isResidentId18(digits)) return { type: 'id_card', masked: mask(digits, 4, 4) };
  if (digits.length === 15 && isResidentId15(digits)) return { type: 'id_card', masked: mask(digits, 4, 4) };
  if (digits.length === 11 && isMobile(digits)) return { type: 'mobile', masked: mask(digits, 3, 4) };
  if (digits.length === 13 && digits.startsWith('86') && isMobile(digits.slice(2))) {
    // Written +86 139-…, 86139… or (+86)…: the suggestion writes the country code the usual way.
    return { type: 'mobile', masked: `+86 ${mask(digits.slice(2), 3, 4)}` };
  }
  // Bank cards: UnionPay (62), Visa (4), Mastercard (5), JCB/Amex (3); 16 to 19 digits with a valid Luhn sum.
  if (digits.length >= 16 && digits.length <= 19 && /^[3-6]/.test(digits) && luhnValid(digits)) {
    return { type: 'bank_card', masked: mask(digits, 4, 4) };
  }
  // After the cards: a Luhn-valid number is a card before it is a miscopied ID.
  if (digits.length === 18 && hasResidentIdShape(digits)) return { type: 'id_card', masked: mask(digits, 4, 4), miscopied: true };
  return null;
}

/** Numbers made of a resident ID and a prefix or suffix: the ID is the group in the middle. */
const ID_BEARING = [/^([GLJ])(\d{17}[\dX])()$/, /^()(\d{17}[\dX])(\d{2})$/];

/** The masked form of a 全国学籍号 or 残疾证号 whose ID part is a valid resident ID, or null. */
export function maskedIdBearing(token: string): string | null {
  for (const pattern of ID_BEARING) {
    const parts = pattern.exec(token.toUpperCase());
    if (parts && isResidentId18(parts[2]!)) return parts[1]! + mask(parts[2]!, 4, 4) + parts[3]!;
  }
  return null;
}

/** Digits as long as a bank account's (12 to 19), which no check can confirm. */
export function hasAccountLength(digits: string): boolean {
  return /^\d{12,19}$/.test(digits);
}

/**
 * Full-width digits and signs as ASCII, and the spaces editors paste (no-break, ideographic, the
 * typographic ones) as plain spaces: one UTF-16 unit for one, so offsets stay those of the text.
 */
const FOLDED_UNITS = /[\uff10-\uff19\uff38\uff58\uff0b\uff0d\u00a0\u2002-\u200a\u202f\u3000]/g;

function foldNumberUnits(text: string): string {
  return text.replace(FOLDED_UNITS, (unit) => {
    const code = unit.charCodeAt(0);
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0); // ０-９ Ｘ ｘ ＋ －
    return ' ';
  });
}

/**
 * Every resident ID, mobile and bank card number written in a text, in ASCII or full-width digits, and
 * every other number of an account's length, marked `unverifiedAccount`, for the caller to judge by its context.
 */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  const numbers: PersonalNumber[] = [];
  for (const match of foldNumberUnits(text).matchAll(CANDIDATES)) {
    const digits = match[0].replace(/[^\dXx]/g, '').replace(/^\+/, '').toUpperCase();
    const end = match.index + match[0].length;
    const at = { start: match.index, end, text: text.slice(match.index, end), digits };
    if (/^[GLJ]/i.test(match[0]) || digits.length === 20) {
      // Only a valid ID inside makes these personal: a 20-digit order number is nothing, as it was.
      const masked = maskedIdBearing(match[0]);
      if (masked) numbers.push({ ...at, type: 'id_card', masked, checked: true, miscopied: false, unverifiedAccount: false, idWithin: true });
      continue;
    }
    const kind = classifyDigits(digits);
    if (!kind) {
      if (hasAccountLength(digits)) {
        numbers.push({ ...at, type: 'bank_card', masked: mask(digits, 4, 4), checked: false, miscopied: false, unverifiedAccount: true, idWithin: false });
      }
      continue;
    }
    const miscopied = kind.miscopied === true;
    numbers.push({
      ...at, type: kind.type, masked: kind.masked,
      checked: kind.type === 'id_card' && digits.length === 18 && !miscopied, miscopied, unverifiedAccount: false, idWithin: false,
    });
  }
  return numbers;
}
