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
 */
export async function runGovCleanEvaluation(): Promise<string[]> {
  const documents = readCorpus<GovDocument>('gov_clean.jsonl');
  if (!documents) return ['gov_clean: skipped, ../shared/corpus/gov_clean.jsonl not found'];
  const engine = await shippedEngine();
  let characters = 0;
  const counts = new Map<string, { block: number; review: number; notice: number }>();
  const offending: string[] = [];
  for (const document of documents) {
    characters += [...document.title].length + [...document.text].length;
    const result = engine.screen({ title: document.title, body: textAsHtml(document.text), sourceType: 'original' });
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
  return [
    `gov_clean: ${documents.length} documents, ${characters} characters`,
    `gov_clean: block findings ${total.block} (goal 0), review findings ${total.review} = ${perThousand(total.review)} per 1,000 characters (goal ≤ 0.5), notice findings ${total.notice}`,
    ...[...counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([checker, c]) => `gov_clean by checker: ${checker.padEnd(9)} block ${c.block}, review ${c.review} (${perThousand(c.review)}/1,000), notice ${c.notice}`),
    ...offending.map((line) => `gov_clean finding: ${line}`),
  ];
}
