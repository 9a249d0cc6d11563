import { opensWithRepeatingLookbehind } from '../../workers/lib/regexCost';
import { RuleFields } from './ruleTables';

/** Something the security admin should know about a rule that is still saved: it goes into the answer, as for word lists. */
export interface RuleWarning {
  /** The import row, for imports. */
  row?: number;
  field: 'pattern';
  code: 'slow_pattern';
  message: string;
}

/**
 * A regex that would slow down the pre-screen of every draft. Saved all the same: it matches what
 * the admin meant, and an installation may hold such a rule from an earlier release until it
 * merges the current defaults.
 */
export function rulePatternWarnings(fields: RuleFields): RuleWarning[] {
  if (fields.matchType !== 'regex' || typeof fields.pattern !== 'string' || !opensWithRepeatingLookbehind(fields.pattern)) return [];
  return [
    {
      field: 'pattern',
      code: 'slow_pattern',
      message:
        '这条正则以往回看 (?<=…) 或 (?<!…) 开头，里面又有可变长的重复（如 {0,30}、* 或 +）：预审时每篇稿件的每个字都要往回看一遍，会明显拖慢所有稿件的预审。' +
        '请在开头加上命中词首字的先行断言，如 (?=[最全])(?<=…)…，命中结果不变',
    },
  ];
}
