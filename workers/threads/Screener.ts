import { DraftInput, ScreeningResult } from '../screening/types';

/** Rule-set versions by kind, e.g. { terms: 12, sources: 3 }. */
export type RuleVersions = Record<string, number>;

/**
 * Where the CPU part of a screening job runs: on the worker's own event loop, or on a pool of
 * threads. Either way the result is the same; `atLeast` names the rule versions the screening
 * must use at least (a newer rule set is fine, an older one never).
 */
export interface Screener {
  screen(input: DraftInput, atLeast: RuleVersions): Promise<ScreeningResult>;
  close(): Promise<void>;
}

/**
 * Whether an engine built on `have` is older than `atLeast` in any rule set it uses. A kind the
 * engine does not know (a version row left by a rule set this build no longer has) never counts:
 * no rebuild could satisfy it.
 */
export function isBehind(have: RuleVersions, atLeast: RuleVersions): boolean {
  return Object.entries(atLeast).some(([kind, version]) => kind in have && (have[kind] ?? 0) < version);
}

/** The newer of two version maps, kind by kind. */
export function newestOf(a: RuleVersions, b: RuleVersions): RuleVersions {
  const merged: RuleVersions = { ...a };
  for (const [kind, version] of Object.entries(b)) merged[kind] = Math.max(merged[kind] ?? 0, version);
  return merged;
}
