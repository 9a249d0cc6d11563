import { agrees, differences, EntryState } from '../../workers/lib/shippedState';
import { HeldBackEntry } from './shippedOverlapHold';

/** A stored entry of a rule table or word list, as a merge of the release's defaults sees it. */
export interface StoredForMerge<Row> {
  row: Row;
  id: number;
  key: string;
  /** How the console names it: the term, or the rule's key fields. */
  label: string;
  /** Its fields and whether it is enabled, now. */
  state: EntryState;
  /** What the release that last wrote it left it as; null: the admin's own, or history unknown. */
  shipped: EntryState | null;
  /** Whether it came from a release (origin other than admin or import). */
  fromRelease: boolean;
}

/** One entry of the release's defaults. */
export interface ReleaseEntry<Entry> {
  key: string;
  /** How the console names it, as StoredForMerge.label. */
  label: string;
  entry: Entry;
  state: EntryState;
}

/** A release entry the admin deleted, which the merge left out: the admin may restore it (the request's `restore`). */
export interface DeletedEntry {
  /** What to name in `restore` to bring it back. */
  key: string;
  entry: string;
  /** The release's fields and state, as a restore would add it. */
  release: EntryState;
}

/** An entry that the admin changed and the merge left as it is, for the admin to decide. */
export interface KeptEntry {
  id: number;
  entry: string;
  /** changed: it differs from the release's; withdrawn: the release no longer ships it, and it is enabled. */
  reason: 'changed' | 'withdrawn';
  /** The fields (and `enabled`) in which the admin's entry and the release differ. */
  differences: Record<string, { current: unknown; release: unknown }>;
}

export interface ShippedMergePlan<Row, Entry> {
  /** Release entries not stored: added. */
  creates: Array<ReleaseEntry<Entry>>;
  /** Stored entries nobody changed since their release: they take this release's fields and state. */
  follows: Array<{ stored: StoredForMerge<Row>; release: ReleaseEntry<Entry> }>;
  /** Stored entries nobody changed that this release no longer ships, still enabled: disabled, not deleted. */
  withdrawals: Array<StoredForMerge<Row>>;
  /** Entries whose fields stay and whose record of the release becomes this release's state. */
  restamps: Array<{ stored: StoredForMerge<Row>; state: EntryState }>;
  /** The admin's changes that the merge keeps, where they differ from the release. */
  kept: KeptEntry[];
  /** Release entries already stored as the release has them. */
  unchanged: number;
  /** Release entries the admin deleted: left out, listed so that the admin can restore them. */
  deletedByAdmin: Array<ReleaseEntry<Entry>>;
  /** Of `creates`, the entries the admin had deleted and the request restores. */
  restored: number;
  /** Keys the request restores that this release does not ship: nothing to bring back (the merge is refused). */
  notShipped: string[];
  /** Release wording rules brought in (or kept) disabled: they overlap an enabled rule the merge leaves as it is. */
  heldBack: HeldBackEntry[];
}

/**
 * How a release's defaults meet what is stored. The rule: an entry follows the releases as long as
 * it still says what the last release that wrote it said (`shipped`); once the admin changed it
 * (fields or enabled state) it is the admin's, and a merge changes nothing of it but lists it where
 * it differs from the release. An admin who gives it the release's fields and state hands it back.
 *
 * - a release entry not stored is added, unless the admin deleted it (`deleted`, by key): that one
 *   stays deleted and is listed, for the admin to restore, unless the request restores it (`restore`);
 *   a key in `restore` that the release does not ship is named in `notShipped`;
 * - a stored entry that says what the release says stays; its record of the release is renewed;
 * - an entry nobody changed takes the release's fields and state (enabled or disabled, as the
 *   release says: a package term a newer triage drops is turned off);
 * - an entry the admin changed is kept and listed; its record of the release becomes this one's, so
 *   that the admin can hand it back by taking the release's values;
 * - an enabled entry from a release that this release no longer ships (removed, or its key changed)
 *   is disabled when nobody changed it, else kept and listed; disabled ones stay as they are;
 * - the admin's own entries (origin admin or import) are never changed, only listed when the
 *   release ships the same key with other fields.
 */
export function planShippedMerge<Row, Entry>(
  stored: Array<StoredForMerge<Row>>,
  release: Array<ReleaseEntry<Entry>>,
  deleted: ReadonlySet<string> = new Set(),
  restore: ReadonlySet<string> = new Set(),
): ShippedMergePlan<Row, Entry> {
  const storedByKey = new Map<string, StoredForMerge<Row>>();
  for (const entry of stored) if (!storedByKey.has(entry.key)) storedByKey.set(entry.key, entry);
  const plan: ShippedMergePlan<Row, Entry> = { creates: [], follows: [], withdrawals: [], restamps: [], kept: [], unchanged: 0, deletedByAdmin: [], restored: 0, notShipped: [], heldBack: [] };
  const shippedKeys = new Set<string>();
  for (const item of release) {
    shippedKeys.add(item.key);
    const current = storedByKey.get(item.key);
    if (!current) {
      if (!deleted.has(item.key)) plan.creates.push(item);
      else if (restore.has(item.key)) {
        plan.creates.push(item);
        plan.restored++;
      } else plan.deletedByAdmin.push(item);
      continue;
    }
    const untouched = current.shipped !== null && agrees(current.state, current.shipped);
    const renewed = current.fromRelease && (current.shipped === null || !agrees(current.shipped, item.state));
    if (agrees(current.state, item.state)) {
      plan.unchanged++;
      if (renewed) plan.restamps.push({ stored: current, state: item.state });
    } else if (untouched && current.fromRelease) {
      plan.follows.push({ stored: current, release: item });
    } else {
      plan.kept.push({ id: current.id, entry: current.label, reason: 'changed', differences: differences(current.state, item.state) });
      if (renewed) plan.restamps.push({ stored: current, state: item.state });
    }
  }
  for (const entry of stored) {
    if (shippedKeys.has(entry.key) || storedByKey.get(entry.key) !== entry) continue;
    if (!entry.fromRelease || !entry.state.enabled) continue;
    if (entry.shipped !== null && agrees(entry.state, entry.shipped)) plan.withdrawals.push(entry);
    else plan.kept.push({ id: entry.id, entry: entry.label, reason: 'withdrawn', differences: { enabled: { current: true, release: false } } });
  }
  plan.notShipped = [...restore].filter((key) => !shippedKeys.has(key));
  return plan;
}

/** The note of an entry the release withdrew: why it is off, then what it said (the column holds 300 characters). */
export function withdrawnNote(note: string | null): string {
  return `${WITHDRAWN_NOTE}${note ? `；原备注：${note}` : ''}`.slice(0, 300);
}

export const WITHDRAWN_NOTE = '本版本默认中已不再提供，合并本版本默认时停用';

/**
 * Whether an entry came from a release: the rule tables' `shipped`, the term lists' `list:…` and
 * `package:…`. Any other origin (admin, import, or one a script wrote) is not the release's to change.
 */
export function isReleaseOrigin(origin: string): boolean {
  return RELEASE_ORIGIN.test(origin);
}

const RELEASE_ORIGIN = /^(?:shipped$|list:|package:)/;
