import { performance } from 'node:perf_hooks';
import { benchDraft } from '../bench-lib/benchDrafts';
import { describeFinding, readCorpus, shippedEngine, textAsHtml } from './corpus';

interface GovDocument {
  id: string;
  title: string;
  text: string;
}

/**
 * False alarms on government prose (gov_clean.jsonl: 46 real documents that a government
 * legitimately publishes). Goals: no `block` finding at all, at most 0.5 `review` findings per
 * 1,000 characters. Every block and review finding is listed so that it can be judged.
 *
 * Also the time the full pre-screen takes on this real prose, after 200 generated drafts: the
 * first pass meets its vocabulary for the first time (the typo detector keeps its answers per
 * word) and runs some code for the first time; the second pass is a worker that has screened
 * similar drafts before.
 */
export async function runGovCleanEvaluation(): Promise<string[]> {
  const documents = readCorpus<GovDocument>('gov_clean.jsonl');
  if (!documents) return ['gov_clean: skipped, ../shared/corpus/gov_clean.jsonl not found'];
  const engine = await shippedEngine();
  for (let n = 0; n < 200; n++) engine.screen(benchDraft(n)); // compiled code warm; other vocabulary
  const drafts = documents.map((document) => ({ title: document.title, body: textAsHtml(document.text), sourceType: 'original' as const }));
  let characters = 0;
  const counts = new Map<string, { block: number; review: number; notice: number }>();
  const offending: string[] = [];
  const firstPassStarted = performance.now();
  const results = drafts.map((draft) => engine.screen(draft));
  const firstPassMs = performance.now() - firstPassStarted;
  const secondPassStarted = performance.now();
  for (const draft of drafts) engine.screen(draft);
  const secondPassMs = performance.now() - secondPassStarted;
  for (const [index, document] of documents.entries()) {
    characters += [...document.title].length + [...document.text].length;
    const result = results[index];
    for (const finding of result.findings) {
      const count = counts.get(finding.checker) ?? { block: 0, review: 0, notice: 0 };
      count[finding.severity]++;
      counts.set(finding.checker, count);
      if (finding.severity !== 'notice') offending.push(describeFinding(document.id, finding));
    }
  }
  const total = { block: 0, review: 0, notice: 0 };
  for (const count of counts.values()) for (const severity of ['block', 'review', 'notice'] as const) total[severity] += count[severity];
  const perThousand = (n: number) => ((n * 1000) / characters).toFixed(2);
  const perThousandMs = (ms: number) => ((ms * 1000) / characters).toFixed(3);
  return [
    `gov_clean: ${documents.length} documents, ${characters} characters`,
    `gov_clean: block findings ${total.block} (goal 0), review findings ${total.review} = ${perThousand(total.review)} per 1,000 characters (goal ≤ 0.5), notice findings ${total.notice}`,
    ...[...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([checker, c]) => `gov_clean by checker: ${checker.padEnd(9)} block ${c.block}, review ${c.review} (${perThousand(c.review)}/1,000), notice ${c.notice}`),
    ...offending.map((line) => `gov_clean finding: ${line}`),
    `gov_clean full pre-screen time per 1,000 characters: first pass ${perThousandMs(firstPassMs)} ms, second pass ${perThousandMs(secondPassMs)} ms (wall clock; a 2 KB draft is about 700 characters)`,
  ];
}
