/**
 * The pages that keep what was typed but not sent in the tab when the session ends (see
 * unsentDraft and unsentReview), and what they keep: the login page promises it only for these.
 * The admin forms keep theirs through useKeptForm. Every other page starts afresh after signing in.
 */
const KEEPING_PAGES: Array<[RegExp, string]> = [
  [/^\/drafts\/(new|\d+\/edit)(\?|$)/, '稿件内容'], // DraftEditorPage: the editor's unsent draft
  [/^\/review\/\d+(\?|$)/, '审核意见'], // ReviewPage: the reviewer's unsent comment and ticks
  [/^\/users(\?|$)/, '用户信息'], // UsersPage: a new user, an open edit
  [/^\/units(\?|$)/, '单位信息'], // UnitsPage (system admin): a new unit, names being typed
  [/^\/wordlists(\?|$)/, '词条'], // WordListPage's EntryTable: a new or edited term
  [/^\/rules(\/[a-z]+)?(\?|$)/, '规则条目'], // RulesPage's EntryTable: a new or edited rule
  [/^\/accounts\/new(\?|$)/, '备案信息'], // AccountNewPage: an account being registered
  [/^\/accounts\/\d+(\?|$)/, '变更备案信息'], // AccountPage's AccountChanges: a change being filed
  [/^\/drafts\/\d+\/publish(\?|$)/, '发布登记信息'], // PublishPage: the link and the platform's text
];

/** What the page at `path` keeps unsent across an ended session, or null when it keeps nothing. */
export function unsentWorkKeptOn(path: unknown): string | null {
  if (typeof path !== 'string') return null;
  return KEEPING_PAGES.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}
