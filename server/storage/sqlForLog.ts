/** Statements that read or write the sessions table: their values are session ids and CSRF tokens. */
const ON_SESSIONS = /\b(?:FROM|INTO|UPDATE|JOIN)\s+`?sessions`?(?=[\s(]|$)/i;

/** A quoted SQL string literal, with '' and backslash escapes inside. */
const STRING_LITERAL = /'(?:[^'\\]|\\.|'')*'/g;

/**
 * A statement as the trace log may show it: the values of the sessions table masked, so that a log
 * handed over for diagnosis cannot be used to take over a signed-in session.
 */
export function sqlForLog(sql: string): string {
  return ON_SESSIONS.test(sql) ? sql.replace(STRING_LITERAL, "'***'") : sql;
}
