/**
 * The shapes every part of the machine pre-screen shares: the API, the workers, the batch
 * screener and the console all speak in these terms.
 */

export const CHECKERS = ['sensitive', 'source', 'ad', 'secrecy', 'privacy', 'wording'] as const;
export type CheckerName = (typeof CHECKERS)[number];

export const SEVERITIES = ['block', 'review', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const VERDICTS = ['pass', 'review', 'block'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The fields of a draft whose plain text findings point into. */
export const FIELDS = ['title', 'body', 'sourceName', 'sourceUrl'] as const;
export type Field = (typeof FIELDS)[number];

export type SourceType = 'original' | 'repost';

/** What is screened: a draft's fields as the editor wrote them (body is HTML). */
export interface DraftInput {
  title: string;
  body: string;
  sourceType: SourceType;
  sourceName?: string | null;
  sourceUrl?: string | null;
}

/** A URL found in the body's markup; its offsets point at the link's visible text (empty for images). */
export interface MarkupLink {
  url: string;
  origin: 'href' | 'src';
  start: number;
  end: number;
  /** An image's alternative text, when it has one (what the reviewer's list of links shows beside it). */
  alt?: string;
}

/**
 * A cell of a table in the body; its offsets span the cell's plain text (each cell stands on a line
 * of its own there). `row` and `column` count from 0 in its table's grid, spans included, so a
 * column's header cell can be found above a cell however the rows above were merged.
 */
export interface TableCell {
  /** Which table of the body, in the order the tables open. */
  table: number;
  row: number;
  column: number;
  rowSpan: number;
  columnSpan: number;
  /** A th element. */
  header: boolean;
  start: number;
  end: number;
  /** The index of the cell this cell's table stands in, for nested tables. */
  parent: number | null;
}

/**
 * A draft made ready for the checkers: the plain text of every field, and the links that
 * stand only in markup. Offsets inside the engine are JS string indices (UTF-16 units);
 * the engine converts them to code points once, at the end.
 */
export interface PreparedDraft {
  sourceType: SourceType;
  texts: Record<Field, string>;
  links: MarkupLink[];
  /** The cells of the body's tables, in document order: the plain text alone loses which header a cell is under. */
  tableCells: TableCell[];
}

/**
 * One thing a checker found. `start`/`end` are offsets in the plain text of `field`;
 * `text` is that span exactly as it stands there (evasions included: 法 輪 功);
 * `term` is what it matched in normalised form (法轮功).
 */
export interface Finding {
  checker: CheckerName;
  severity: Severity;
  field: Field;
  start: number;
  end: number;
  text: string;
  term?: string;
  category?: string;
  ruleId?: string;
  /** A replacement the editor can apply in one click (the right wording, a masked number). */
  suggestion?: string;
  /** Why this was flagged, in Chinese, for the editor and the reviewer. */
  reason?: string;
  /** Version of the rule set the finding came from. */
  listVersion?: number;
}

export interface ScreeningResult {
  verdict: Verdict;
  findings: Finding[];
  /** The version of every rule set used, e.g. { terms: 12, sources: 3 }. */
  listVersions: Record<string, number>;
  durationMs: number;
}

/**
 * A checker: pure functions over prepared drafts and its compiled rules.
 * `compile` runs once per rule-set version (it may be slow); `check` runs per draft (it must be fast).
 */
export interface Checker<Compiled = unknown> {
  name: CheckerName;
  /** The rule sets (by kind) whose data `compile` receives. */
  ruleKinds: readonly string[];
  compile(data: RuleData): Compiled;
  check(draft: PreparedDraft, compiled: Compiled): Finding[];
}

/** The loaded data of the rule sets, by kind, each with its version. */
export type RuleData = Record<string, { version: number; data: unknown }>;

export const SEVERITY_RANK: Record<Severity, number> = { notice: 0, review: 1, block: 2 };

/** Any `block` finding blocks; any `review` sends to review; `notice` alone passes. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  let worst = -1;
  for (const finding of findings) worst = Math.max(worst, SEVERITY_RANK[finding.severity]);
  return worst === 2 ? 'block' : worst === 1 ? 'review' : 'pass';
}
