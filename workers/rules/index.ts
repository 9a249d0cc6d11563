import { adsRuleKind } from './adsRules';
import { formulationsRuleKind } from './formulationsRules';
import { linksRuleKind } from './linksRules';
import { privacyRuleKind } from './privacyRules';
import { RuleKind } from './ruleKind';
import { secrecyRuleKind } from './secrecyRules';
import { signalsRuleKind } from './signalsRules';
import { sourcesRuleKind } from './sourcesRules';
import { termsRuleKind } from './termsRules';
import { wordingRuleKind } from './wordingRules';

/** Every rule set the checkers read, each with its loaders; add new kinds here explicitly. */
export const ruleKinds: readonly RuleKind[] = [termsRuleKind, sourcesRuleKind, linksRuleKind, adsRuleKind, signalsRuleKind, secrecyRuleKind, privacyRuleKind, wordingRuleKind, formulationsRuleKind];

export type { RuleKind };
