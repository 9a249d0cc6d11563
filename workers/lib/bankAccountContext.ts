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
const HOLDER_LABEL = /(户名|开户名称?|账户名称?|帐户名称?|收款人|收款单位|收款户名|单位名称|持卡人|开户人)\s*[：:]?\s*(\p{Script=Han}{2,40})/gu;
/** Holder labels that say the holder is a unit, whatever its name looks like (单位名称：城关镇). */
const UNIT_HOLDER_LABEL = /单位/u;
/** Words that end a unit's name and no person's: a company, a school, a government, a special account. */
const UNIT_WORD_ENDING =
  /(?:中心|公司|银行|学校|医院|卫生院|幼儿园|集团|政府|基金|社区|街道|专户|国库|办公室|办事处|委员会|合作社|信用社|事务所|派出所|大队|中队|支队|总队|协会|商会|工会)$/u;
/**
 * Characters that end a unit's name (县财政局, 城关镇财政所) but also many persons' names (王园园, 张文科,
 * 刘镇): they count only for a name of four characters or more, which a person's rarely is.
 */
const UNIT_CHAR_ENDING = /(?:局|委|办|院|会|联|室|所|站|队|社|部|厅|处|科|股|馆|团|厂|场|店|园|村|镇|乡)$/u;
const PERSON_NAME = /^\p{Script=Han}{2,4}$/u;
/** How short names of bodies and state companies begin (县国库, 中国电信, 国家电网): no person's name begins so (区 is a surname). */
const BODY_BEGINNING = /^(?:县|市|省|州|镇|乡|村|中共|中国|中华|国家|全国)/u;
/** Where a person lives, written before the bank words: 家住城关镇 names no unit. */
const ADDRESS_BEGINNING = /^(?:家住|住址|现住|居住|住在|住|地址|户籍|籍贯|来自)/u;

/** Whether a holder's name is a unit's, by how it ends or begins. */
function isUnitName(name: string): boolean {
  const length = Array.from(name).length;
  return UNIT_WORD_ENDING.test(name) || (length >= 4 && UNIT_CHAR_ENDING.test(name)) || (length >= 3 && BODY_BEGINNING.test(name));
}

/** A label right before a number that says it is an account or a card (账号：, 建行卡, 一卡通账号). */
const ACCOUNT_LABEL_BEFORE = /(?:卡号|账号|帐号|账户|帐户|卡)\s*[：:]?\s*$/u;

const SENTENCE_END = /[。！？\n]/;
const LOOK_AROUND = 64;

export type AccountHolder = 'person' | 'unit';

/** Whether a bank's name or an account label stands next to the number, in the same clause. */
export function nearBankWord(text: string, start: number, end: number): boolean {
  return BANK_WORD_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || BANK_WORD_AFTER.test(text.slice(end, end + 24));
}

/** A labelled holder: a unit by its label or by how its name begins or ends, a person by a name of two to four characters. */
function kindOfHolder(label: string, labelled: string): AccountHolder | null {
  const name = labelled.split(FIRST_BANK_WORD)[0]!; // 户名张三账号… is 张三
  if (UNIT_HOLDER_LABEL.test(label) || isUnitName(name)) return 'unit';
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
  if (labelled) return kindOfHolder(labelled[1]!, labelled[2]!);
  const lead = before.replace(LISTED_BANK_WORDS, ' ').replace(OTHER_BANKS, ' ').replace(/[\s：:，,、（(）)]+$/u, ' ');
  // The last phrase before the bank words names the holder (县红十字会 工行 …), unless it says where someone lives.
  const phrase = lead.trimEnd().split(/[\s：:，,、（(）)；;]/u).pop() ?? '';
  if (!ADDRESS_BEGINNING.test(phrase) && isUnitName(phrase)) return 'unit';
  return nearPersonName(lead, lead.length) ? 'person' : null;
}

/**
 * Whose account a number beside a bank word is: a person's, a unit's, or `unnamed` when the sentence
 * does not say (一卡通账号…, 转入李四建行卡…). Null without a bank word, or with neither a
 * holder nor an account label: then the number is no account as far as the text tells.
 */
export function holderBesideBankWord(text: string, start: number, end: number): AccountHolder | 'unnamed' | null {
  if (!nearBankWord(text, start, end)) return null;
  const holder = accountHolder(text, start, end);
  if (holder) return holder;
  // With no holder, only a number labelled as an account is one: 农商银行转账，交易凭证号 2026… is a receipt.
  return ACCOUNT_LABEL_BEFORE.test(text.slice(Math.max(0, start - 10), start)) ? 'unnamed' : null;
}
