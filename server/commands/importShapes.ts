/** What the rule-table import and the word-list import have in common: the request and its counts. */

/** merge: add new entries and update the ones with the same key; replace: also delete every entry not in the upload. */
export type ImportMode = 'merge' | 'replace';
export type ImportFormat = 'tsv' | 'json';

export interface ImportRequestOf<Row> {
  mode: ImportMode;
  format: ImportFormat;
  rows: Row[];
  /**
   * The release's defaults (see shippedListMerger and shippedMergePlan): entries nobody changed
   * follow the release, the admin's changes are kept and listed, entries the release no longer
   * ships are disabled, and the audit record says so. The rows' `enabled` is the release's state.
   */
  shipped?: boolean;
  /** With `shipped`: keys of release entries the admin deleted to bring back in this merge (see deletedDefaults). */
  restore?: string[];
}

/** What an import did, as the API answers it. */
export interface ImportCounts {
  mode: ImportMode;
  format: ImportFormat;
  rows: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** The rule set's version after the import. */
  version: number;
}
