/**
 * A police 悬赏通告 or 通缉令 publishes a fugitive's resident ID by law, so that the public can
 * recognise the person. Only a post that says it is one, in its title or on the number's own line,
 * counts: a 通缉令 named elsewhere in a post says nothing about whose ID a later line gives.
 */
const WANTED_NOTICE = /悬赏通告|悬赏通缉|通缉令|A级通缉|B级通缉/u;

export function inWantedNotice(title: string, text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  return WANTED_NOTICE.test(title) || WANTED_NOTICE.test(text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd));
}
