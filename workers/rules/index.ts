import { RuleKind } from './ruleKind';

/** Every rule set the checkers read, each with its loaders; add new kinds here explicitly. */
export const ruleKinds: readonly RuleKind[] = [];

export type { RuleKind };
