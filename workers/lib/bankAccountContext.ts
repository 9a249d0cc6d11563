import { nearPersonName } from './personalContext';

/**
 * Whether a long number that fails Luhn is a private person's bank account. Real account numbers
 * (邮储 accounts, 19-digit 对私账户) often fail it, so the digits cannot tell; the sentence can: a bank
 * word next to the number, and a holder who is a person. Government posts publish their units'
 * accounts for fees, donations and 党费 (户名：某某县财政局，账号：…): those are public.
 */

/** Banks as posts name them, in full or short. Listed, so that a name written against one (张三建行) is not taken for part of it. */
const LISTED_BANKS =
  '(?:中国)?(?:工商银行|建设银行|农业银行|交通银行|邮政储蓄银行|邮政储蓄|招商银行|民生银行|兴业银行|浦发银行|中信银行|' +
  '光大银行|华夏银行|广发银行|平安银行|农村商业银行|农商银行|村镇银行|银行)|工行|建行|农行|中行|交行|招行|邮储|邮政|' +
  '农村信用合作社|农村信用社|信用合作社|信用社|农信社|农信|农商行';
/** Labels that say a number is an account or a card. */
const BANK_LABELS = '银行卡号?|卡号|账号|帐号|账户|帐户|户名|开户行|开户银行';
const LISTED_BANK_WORD = `(?:${LISTED_BANKS}|${BANK_LABELS})`;
/** Any other bank, or a branch (某某农商银行, 城关支行), written as a word of its own. */
const OTHER_BANK = String.raw`(?<!\p{Script=Han})\p{Script=Han}{0,10}?(?:银行|支行|分行|营业部|营业所|分理处|储蓄所)`;

const BANK_WORD_BEFORE = new RegExp(`(?:${LISTED_BANK_WORD}|${OTHER_BANK})[^。！？；;\\n]{0,12}$`, 'u');
const BANK_WORD_AFTER = new RegExp(`^[^。！？；;\\n]{0,12}(?:${LISTED_BANK_WORD}|${OTHER_BANK})`, 'u');
const LISTED_BANK_WORDS = new RegExp(LISTED_BANK_WORD, 'gu');
const OTHER_BANKS = new RegExp(OTHER_BANK, 'gu');
const FIRST_BANK_WORD = new RegExp(LISTED_BANK_WORD, 'u');

/** Labels naming the holder of an account; the word after one, up to a pause, is the holder. */
const HOLDER_LABEL = /(?:户名|开户名称?|账户名称?|帐户名称?|收款人|收款单位|收款户名|单位名称|持卡人|开户人)\s*[：:]?\s*(\p{Script=Han}{2,40})/gu;
/** How the name of a unit ends: an office, a body, a company, a school, a village, a special account. */
const UNIT_ENDING =
  /(?:局|委|办|院|会|联|中心|公司|银行|学校|校|医院|室|所|站|队|社|部|厅|处|科|股|集团|政府|基金|馆|团|厂|场|店|园|村|社区|街道|镇|乡|户)$/u;
const PERSON_NAME = /^\p{Script=Han}{2,4}$/u;
/** How short names of bodies and state companies begin (县国库, 中国电信, 国家电网): no person's name begins so. */
const BODY_BEGINNING = /^(?:县|市|区|省|州|镇|乡|村|中共|中国|中华|国家|全国)/u;

const SENTENCE_END = /[。！？\n]/;
const LOOK_AROUND = 64;

export type AccountHolder = 'person' | 'unit';

/** Whether a bank's name or an account label stands next to the number, in the same clause. */
export function nearBankWord(text: string, start: number, end: number): boolean {
  return BANK_WORD_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || BANK_WORD_AFTER.test(text.slice(end, end + 24));
}

/** A labelled holder: a unit by how its name begins or ends, a person by a name of two to four characters. */
function kindOfHolder(labelled: string): AccountHolder | null {
  const name = labelled.split(FIRST_BANK_WORD)[0]; // 户名张三账号… is 张三
  if (UNIT_ENDING.test(name) || BODY_BEGINNING.test(name)) return 'unit';
  return PERSON_NAME.test(name) ? 'person' : null;
}

/**
 * Whose account the number is, by its sentence: a labelled holder (户名：张三, 户名：某某县财政局)
 * before or after it decides; otherwise what stands before it once the bank words are taken out
 * (张三 建行 …, 县红十字会账号：…).
 */
export function accountHolder(text: string, start: number, end: number): AccountHolder | null {
  const before = text.slice(Math.max(0, start - LOOK_AROUND), start).split(SENTENCE_END).pop() ?? '';
  const after = text.slice(end, end + LOOK_AROUND).split(SENTENCE_END)[0] ?? '';
  const labelled = [...before.matchAll(HOLDER_LABEL)].pop() ?? [...after.matchAll(HOLDER_LABEL)][0];
  if (labelled) return kindOfHolder(labelled[1]);
  const lead = before.replace(LISTED_BANK_WORDS, ' ').replace(OTHER_BANKS, ' ').replace(/[\s：:，,、（(）)]+$/u, ' ');
  if (UNIT_ENDING.test(lead.trimEnd())) return 'unit';
  return nearPersonName(lead, lead.length) ? 'person' : null;
}

/**
 * Whose account a number beside a bank word is: a person's, a unit's, or `unnamed` when the sentence
 * does not say (低保对象张三，一卡通账号…, 转入李四建行卡…). Null without a bank word: then the number is
 * no account as far as the text tells.
 */
export function holderBesideBankWord(text: string, start: number, end: number): AccountHolder | 'unnamed' | null {
  if (!nearBankWord(text, start, end)) return null;
  return accountHolder(text, start, end) ?? 'unnamed';
}
