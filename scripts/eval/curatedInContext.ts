import { readCuratedTerms } from '../../workers/rules/termListFiles';
import { SEVERITY_RANK } from '../../workers/screening/types';
import { shippedEngine, textAsHtml } from './corpus';

/**
 * Everyday sentences that each curated term is put into: after a phrase (快来…吧), before a word
 * that jieba may glue to its last character (…高收益, …日赚), inside a clause (关于…的), alone.
 */
const CONTEXTS = ['{t}高收益，详情私聊。', '快来{t}吧。', '他说{t}日赚三百。', '关于{t}的情况。', '{t}。'];
/** Terms listed that lost a level; the count covers them all. */
const SAMPLE = 30;

/**
 * Recall of the curated lists in running text: every curated `review` or `block` term in each of
 * the contexts above, through the full pre-screen. A term that comes out below its own level was
 * lowered because jieba read it as cut through a word (see wordlists/README.md); few should be.
 */
export async function runCuratedInContextEvaluation(): Promise<string[]> {
  const engine = await shippedEngine();
  const terms = readCuratedTerms().filter((rule) => rule.severity !== 'notice');
  const lowered: string[] = [];
  let probes = 0;
  for (const rule of terms) {
    for (const context of CONTEXTS) {
      probes++;
      const sentence = context.replace('{t}', rule.term);
      const findings = engine.screen({ title: '', body: textAsHtml(sentence), sourceType: 'original' }).findings;
      const best = Math.max(-1, ...findings.filter((f) => f.checker === 'sensitive').map((f) => SEVERITY_RANK[f.severity]));
      if (best < SEVERITY_RANK[rule.severity]) lowered.push(`${sentence}（${rule.severity}）`);
    }
  }
  return [
    `curated terms in context: ${terms.length} review/block terms × ${CONTEXTS.length} sentences = ${probes}; below their own level ${lowered.length} (${((100 * lowered.length) / probes).toFixed(1)}%)`,
    ...(lowered.length ? [`curated terms lowered: ${lowered.slice(0, SAMPLE).join(' ')}${lowered.length > SAMPLE ? ' …' : ''}`] : []),
  ];
}
