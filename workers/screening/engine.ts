import { performance } from 'node:perf_hooks';
import { extractHtmlText } from '../lib/htmlText';
import { toCodePointOffsets } from '../lib/codePoints';
import {
  Checker,
  DraftInput,
  Field,
  Finding,
  PreparedDraft,
  RuleData,
  ScreeningResult,
  verdictOf,
} from './types';

interface CompiledChecker {
  checker: Checker;
  compiled: unknown;
}

/** Turns a draft's fields into the plain texts and links that the checkers read. */
export function prepareDraft(input: DraftInput): PreparedDraft {
  const body = extractHtmlText(input.body);
  return {
    sourceType: input.sourceType,
    texts: {
      title: input.title ?? '',
      body: body.text,
      sourceName: input.sourceName ?? '',
      sourceUrl: input.sourceUrl ?? '',
    },
    links: body.links,
    tableCells: body.tableCells,
  };
}

/**
 * The machine pre-screen: every checker compiled once against one version of the rules,
 * then run on each draft. Immutable: a rule change builds a new engine.
 */
export class ScreeningEngine {
  private readonly compiled: CompiledChecker[];
  readonly listVersions: Record<string, number>;

  constructor(checkers: readonly Checker[], rules: RuleData) {
    this.compiled = checkers.map((checker) => ({ checker, compiled: checker.compile(rules) }));
    this.listVersions = Object.fromEntries(
      Object.entries(rules)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, set]) => [kind, set.version]),
    );
  }

  screen(input: DraftInput): ScreeningResult {
    const started = performance.now();
    const prepared = prepareDraft(input);
    const findings: Finding[] = [];
    for (const { checker, compiled } of this.compiled) {
      for (const finding of checker.check(prepared, compiled)) findings.push(finding);
    }
    const result = finalise(findings, prepared.texts);
    return {
      verdict: verdictOf(result),
      findings: result,
      listVersions: this.listVersions,
      durationMs: performance.now() - started,
    };
  }
}

/** Orders findings by field and position, drops exact duplicates, and converts offsets to code points. */
function finalise(findings: Finding[], texts: Record<Field, string>): Finding[] {
  const seen = new Set<string>();
  const unique: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.checker}|${finding.field}|${finding.start}|${finding.end}|${finding.ruleId ?? finding.term ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(finding);
  }
  const fieldOrder: Record<Field, number> = { title: 0, body: 1, sourceName: 2, sourceUrl: 3 };
  unique.sort((a, b) => fieldOrder[a.field] - fieldOrder[b.field] || a.start - b.start || a.end - b.end);
  return toCodePointOffsets(unique, texts);
}
