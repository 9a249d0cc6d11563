/** Whether a text shows anything: not only spaces and invisible characters (zero-width, fillers). */
export function hasVisibleText(text: string): boolean {
  return text.replace(/[\s\p{Default_Ignorable_Code_Point}]/gu, '').length > 0;
}

/** Characters that show nothing: format characters (zero-width, bidi controls) and other default-ignorables (fillers). */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** The text without its invisible characters: what the console shows of it, and what the matcher reads anyway. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Embeddings, overrides, isolates and the direction marks (LRM, RLM, ALM): they make a name display
 * in another order than it is stored (‮张三), or carry an invisible difference from a twin.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** C0 and C1 controls (NUL, TAB, CR, LF, NEL…): no name has them, and in a header or a file name they split it. */
const CONTROLS = /\p{Cc}/u;

/**
 * What shows as blank space although Unicode does not call it invisible: the braille blank and
 * the Hangul fillers (also default-ignorable, listed so the intent is plain).
 */
const BLANKS = /[\s\u2800\u115F\u1160\u3164\uFFA0]/gu;

/** Combining marks: alone they sit on nothing and show as (almost) nothing. */
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Why a name (a unit's, a person's, an account's) cannot stand as typed, or null: a name that shows
 * nothing cannot be told apart from no name, one with a direction control shows as another name,
 * and one with a control character breaks the line, header or file name it is written into.
 * `label` names the field in the message (单位名称, 姓名, 账号名称).
 */
export function invisibleNameProblem(name: string, label: string): string | null {
  if (CONTROLS.test(name)) return `${label}不能包含控制字符（如换行、回车、制表符、U+0000）`;
  if (BIDI_CONTROLS.test(name)) return `${label}不能包含文字方向控制字符（如 U+202E 从右到左覆盖、U+200F 从右到左标记）：名称会显示得与实际不同`;
  if (name === '') return null;
  const shown = withoutInvisible(name).replace(BLANKS, '');
  if (shown === '') return `${label}不能只有空格或不可见字符（如零宽空格 U+200B、盲文空白 U+2800、韩文填充符 U+3164）`;
  if (shown.replace(COMBINING_MARKS, '') === '') return `${label}不能只由组合符号组成（如 U+0301）：这样的名称看上去是空白`;
  return null;
}
