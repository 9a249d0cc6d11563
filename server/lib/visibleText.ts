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

/** Embeddings, overrides and isolates: they make a name display in another order than it is stored (‮张三). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

/**
 * Why a name (a unit's, a person's) cannot stand as typed, or null: a name that shows nothing
 * cannot be told apart from no name, and one with a direction override shows as another name.
 * `label` names the field in the message (单位名称, 姓名).
 */
export function invisibleNameProblem(name: string, label: string): string | null {
  if (BIDI_CONTROLS.test(name)) return `${label}不能包含文字方向控制字符（如 U+202E 从右到左覆盖）：名称会显示得与实际不同`;
  if (name !== '' && withoutInvisible(name).replace(/\s/gu, '') === '') return `${label}不能只有空格或不可见字符（如零宽空格 U+200B）`;
  return null;
}
