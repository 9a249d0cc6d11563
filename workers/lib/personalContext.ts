import { wordFrequency } from './wordFrequency';

/**
 * What surrounds a number tells whether it is a person's: a name or a label such as 姓名 next to
 * it makes it one; a document-number label or a unit after it (元, 人, 吨) makes it something else;
 * a hotline label makes a phone number an office's.
 */

/** Labels before a number that make it an identifier of a thing, not of a person. */
const NOT_PERSONAL_LABEL = /(?:文号|编号|单号|订单号?|流水号|批次号?|代码|信用代码|证书号?|许可证号?|登记号|备案号|案号|合同号|项目号|采购号|招标号|税号|邮编|邮政编码|工号|批准号|标准号|ISBN|ISSN)[：:\s]*$/u;
/**
 * What right after a number, on the same line, makes it an amount, a count or a date part. Not
 * across a line break: in a table or a form the next cell or line (户主, 年龄) starts there.
 */
const UNIT_AFTER = /^[ \u00a0\u3000]*(?:元|万|亿|千|百|人|户|个|次|吨|米|公里|千米|亩|平方|%|％|‰|件|台|辆|头|只|册|份|条|篇|年|月|日|号|小时|分钟|秒|岁|家|所|项|座)/u;
/** A label that names a personal number outright: 身份证编号 and 残疾人证编号 are a person's, whatever 编号 says elsewhere. */
const PERSONAL_NUMBER_LABEL = /(?:身份证|身份号码|证件号|手机|银行卡|卡号|残疾人?证|学籍)[^，,。；;！？\n]{0,4}[：:\s]*$/u;
/** A label that names a resident ID outright. */
const ID_NUMBER_LABEL = /(?:身份证|身份号码|证件号)[^，,。；;！？\n]{0,4}[：:\s]*$/u;
const CURRENCY_BEFORE = /[¥￥$＄]\s*$/u;
/** Labels of an office's phone line: a mobile behind one is a contact the office publishes. */
const OFFICE_LINE = /(?:热线|咨询电话|办公电话|值班电话|服务电话|举报电话|监督电话|投诉电话|联系电话|报名电话|咨询方式|联系方式|联系人)[^。！？\n]{0,12}$/u;
/** Labels after which a name is a private person's. */
const PERSON_LABEL = /(?:姓名|户主|申请人|当事人|患者|持卡人|收款人|户名|被执行人|求助人|失主|受助人|家属|本人|监护人|联系人)\s*[：:]?\s*\p{Script=Han}{2,4}/u;
/** Common surnames: a two- to three-character word starting with one, followed by a pause or an ID word, reads as a name. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/**
 * Words that introduce a private person and may stand right before the name (低保对象张三, 获奖者李小红):
 * the recipients, applicants and households a post names. Not 联系人, who is usually the office's staff.
 */
const PRIVATE_ROLE =
  '(?:低保|救助|帮扶|补助|补贴|资助|优抚|供养|慰问|安置|监测)对象|获奖者|获奖人|受助人|受助者|受益人|困难群众|困难户|' +
  '户主|申请人|贫困户|脱贫户|低保户|五保户|特困人员|特困户|监测户|当事人|患者|失主|求助人';
const PAUSE_BEFORE_NAME = '(?:^|[^\\p{Script=Han}]|[，、：:（(])';
const ROLE_BEFORE_NAME = `(?:${PRIVATE_ROLE})[：:]?`;
/** An anonymised name, any surname then 某 (王某某, 李某, 欧阳某某): never a dictionary word. */
const ANONYMISED_NAME = '(?!某)\\p{Script=Han}{1,2}?某某?';
const NAME = `(?<name>${ANONYMISED_NAME}|[${SURNAMES}]\\p{Script=Han}{1,2})`;
/** A remark after a name in a case or a 公示: （女）, （男，45岁）, （68岁）. */
const AGE = '[0-9０-９一二三四五六七八九十]+岁';
const PERSON_REMARK = `(?:[（(](?:[男女](?:[，,、\\s]*${AGE})?|${AGE})[）)])?`;
/** A name, then the number or its label: 张三，电话：, 低保对象张三联系电话 */
const NAME_BEFORE_TAIL =
  PERSON_REMARK +
  '(?:先生|女士|同志)?\\s*(?:[，,、：:（(]\\s*)?(?:的)?(?:身份证(?:号码?)?|公民身份号码|手机(?:号码?)?|电话|联系电话|联系方式|银行卡(?:号)?|卡号|账号)?\\s*[：:]?\\s*$';
/** A name opening a clause that goes on to list ID words: 张三，身份证号…，手机… */
const NAME_THEN_ID_WORDS_TAIL = PERSON_REMARK + '[，,、（(：:\\s][^。！？\\n]{0,40}?(?:身份证|身份号码|手机|电话|联系方式|银行卡|卡号|账号)';

const NAME_BEFORE = new RegExp(`${PAUSE_BEFORE_NAME}${NAME}${NAME_BEFORE_TAIL}`, 'u');
const NAME_THEN_ID_WORDS = new RegExp(`${PAUSE_BEFORE_NAME}${NAME}${NAME_THEN_ID_WORDS_TAIL}`, 'u');
/** The same after a role word, where no pause shows where the name begins (救助对象范围：… is no name). */
const ROLE_NAME_BEFORE = new RegExp(`${ROLE_BEFORE_NAME}${NAME}${NAME_BEFORE_TAIL}`, 'gu');
const ROLE_NAME_THEN_ID_WORDS = new RegExp(`${ROLE_BEFORE_NAME}${NAME}${NAME_THEN_ID_WORDS_TAIL}`, 'gu');
/** Names are rare as dictionary words (李四 106, 王小明 3); 范围, 方式 and 程序 are in the thousands. */
const COMMON_WORD_FREQUENCY = 500;

/** Whether the pattern finds a role word and a name after it that is no common word. */
function roleThenName(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (wordFrequency(match.groups!.name!) < COMMON_WORD_FREQUENCY) return true;
    pattern.lastIndex = match.index + 1;
  }
  return false;
}

const LOOK_BACK = 16;

/**
 * Whether a number that reads as personal is something else by its surroundings. `checked` says
 * that it carries a check character (an 18-digit resident ID): no amount or count is written so,
 * so a unit after it does not make it one.
 */
export function looksNotPersonal(text: string, start: number, end: number, checked = false): boolean {
  const before = text.slice(Math.max(0, start - LOOK_BACK), start);
  if (PERSONAL_NUMBER_LABEL.test(before)) return false;
  return NOT_PERSONAL_LABEL.test(before) || CURRENCY_BEFORE.test(before) || (!checked && UNIT_AFTER.test(text.slice(end, end + 8)));
}

/** Whether a resident ID label (身份证号：, 公民身份号码) stands right before the number. */
export function afterIdLabel(text: string, start: number): boolean {
  return ID_NUMBER_LABEL.test(text.slice(Math.max(0, start - LOOK_BACK), start));
}

export function isOfficeLine(text: string, start: number): boolean {
  return OFFICE_LINE.test(text.slice(Math.max(0, start - LOOK_BACK), start));
}

/** Whether a private person's name (or a label introducing one) stands right before the number. */
export function nearPersonName(text: string, start: number): boolean {
  const line = text.slice(Math.max(0, start - LOOK_BACK * 4), start).split(/[。！？\n]/).pop() ?? '';
  const tail = line.slice(-LOOK_BACK);
  return (
    PERSON_LABEL.test(line) ||
    NAME_BEFORE.test(tail) ||
    NAME_THEN_ID_WORDS.test(line) ||
    roleThenName(ROLE_NAME_BEFORE, tail) ||
    roleThenName(ROLE_NAME_THEN_ID_WORDS, line)
  );
}
