import { ScreeningEngine } from '../../workers/screening/engine';
import { Checker, DraftInput, Finding, RuleData, ScreeningResult } from '../../workers/screening/types';
import { ruleKinds } from '../../workers/rules';

/** The shipped rules of every rule kind, loaded as the batch screener loads them (version 0). */
export async function shippedRules(): Promise<RuleData> {
  const entries = await Promise.all(ruleKinds.map(async (kind) => [kind.kind, { version: 0, data: await kind.loadShipped() }] as const));
  return Object.fromEntries(entries);
}

/** An engine with the given checkers and the shipped rules. */
export async function engineWith(...checkers: Checker[]): Promise<ScreeningEngine> {
  return new ScreeningEngine(checkers, await shippedRules());
}

export function draft(body: string, extra: Partial<DraftInput> = {}): DraftInput {
  return { title: '通知', body, sourceType: 'original', ...extra };
}

/** Findings of one checker, as [severity, text] pairs for compact assertions. */
export function pairs(result: ScreeningResult, checker: string): Array<[string, string]> {
  return result.findings.filter((f) => f.checker === checker).map((f) => [f.severity, f.text]);
}

export function only(result: ScreeningResult, checker: string): Finding[] {
  return result.findings.filter((f) => f.checker === checker);
}
