import { keepStrongest } from '../lib/findingOverlap';
import { PatternSet } from '../lib/patternRules';
import { originalSpan, phraseTables, phraseTextOf } from '../lib/phraseText';
import { rulesOf } from '../lib/tableRuleKind';
import { chineseName, SecrecyRuleEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { secrecyRuleKind } from '../rules/secrecyRules';
import { Checker, Finding } from './types';

interface CompiledSecrecy {
  patterns: PatternSet<WithRuleId<SecrecyRuleEntry>>;
  version: number;
}

const CATEGORY_REASONS: Record<string, string> = {
  classification: '含密级标志，涉密内容严禁在政务新媒体发布',
  internal: '含“内部资料/内部文件”类标注，内部材料不得公开发布',
  handling: '含传阅、保存要求（不得外传、注意保存等），该材料不应公开发布',
  word: '提及涉密词语，请确认没有泄露国家秘密或工作秘密',
};

/** Secrecy: classification markings and handling instructions in the title and body. */
export const secrecyChecker: Checker<CompiledSecrecy> = {
  name: 'secrecy',
  ruleKinds: [secrecyRuleKind.kind],

  compile(data) {
    phraseTables();
    const { version, entries } = rulesOf(data, secrecyRuleKind);
    return { patterns: new PatternSet(entries), version };
  },

  check(draft, { patterns, version }) {
    const findings: Finding[] = [];
    for (const field of ['title', 'body'] as const) {
      // Read in the phrase text: 內部資料 and 内 部 资 料 are 内部资料. Offsets and text are the draft's.
      const view = phraseTextOf(draft, field);
      for (const hit of patterns.findAll(view.text)) {
        const { start, end } = originalSpan(view, hit.start, hit.end);
        const text = draft.texts[field].slice(start, end);
        findings.push({
          checker: 'secrecy', severity: hit.rule.severity, field, start, end, text,
          term: hit.rule.pattern, category: `secrecy_${hit.rule.category}`, ruleId: hit.rule.ruleId,
          reason: `“${text.trim()}”：${reasonOf(hit.rule)}`, listVersion: version,
        });
      }
    }
    return keepStrongest(findings);
  },
};

/**
 * Why a hit matters. A notice on a word that is only a marking where it stands as one (不得外传 in
 * 涉密文件严禁外传) says what its row's note says, not that the post carries a marking.
 */
function reasonOf(rule: SecrecyRuleEntry): string {
  if (rule.severity === 'notice' && rule.note) return rule.note;
  return CATEGORY_REASONS[rule.category] ?? `含保密相关标注${chineseName(rule.category) ? `（${rule.category}）` : ''}`;
}
