/**
 * What a release left an entry of a rule table or word list as: the fields it ships and whether it
 * is enabled, by model attribute (`{ term, category, severity, note, enabled }`). Stored with the
 * entry (column `shipped_state`, JSON) when a release seeds it or a merge of a release's defaults
 * writes it; an entry whose fields and state still agree with it was never changed since, so the
 * next release may change it (see server/commands/shippedMergePlan.ts).
 */
export type EntryState = Record<string, unknown>;

/** One value as states compare it: booleans and MariaDB's 1/0 alike, a missing value as null. */
function canonical(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** An entry's state: the named fields (those a release ships) and whether it is enabled. */
export function entryState(fields: object, names: readonly string[], enabled: boolean): EntryState {
  const values = fields as Record<string, unknown>;
  return { ...Object.fromEntries(names.map((name) => [name, values[name] ?? null])), enabled };
}

/** The state as stored in `shipped_state`. */
export function stateText(state: EntryState): string {
  return JSON.stringify(Object.fromEntries(Object.entries(state).map(([key, value]) => [key, canonical(value)])));
}

/** A stored `shipped_state`: null when there is none (an entry the admin added, or whose history nobody could tell). */
export function readState(text: string | null | undefined): EntryState | null {
  if (!text) return null;
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as EntryState) : null;
}

/**
 * Whether `state` says what `reference` says, field by field over the reference's fields: a field
 * that a later version added to the table is not held against an entry stored before it existed.
 */
export function agrees(state: EntryState, reference: EntryState): boolean {
  return Object.keys(reference).every((key) => canonical(state[key]) === canonical(reference[key]));
}

/** The fields in which `state` differs from `reference`, each with both values (booleans as booleans). */
export function differences(state: EntryState, reference: EntryState): Record<string, { current: unknown; release: unknown }> {
  const out: Record<string, { current: unknown; release: unknown }> = {};
  for (const key of Object.keys(reference)) {
    if (canonical(state[key]) === canonical(reference[key])) continue;
    out[key] = { current: state[key] ?? null, release: reference[key] ?? null };
  }
  return out;
}
