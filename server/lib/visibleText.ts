/** Whether a text shows anything: not only spaces and invisible characters (zero-width, fillers). */
export function hasVisibleText(text: string): boolean {
  return text.replace(/[\s\p{Default_Ignorable_Code_Point}]/gu, '').length > 0;
}
