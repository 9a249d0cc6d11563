import { describeFinding, readCorpus, shippedEngine, textAsHtml } from './corpus';

interface CscSentence {
  id: string;
  correct: string;
}

/**
 * False alarms of the sensitive-term checker on ordinary prose: the corrected sentences of
 * csc.jsonl (everyday sentences about friends, doctors and neighbours) should raise no `review`
 * or `block` finding. Every such finding is listed so that it can be judged.
 */
export async function runCscSensitiveEvaluation(): Promise<string[]> {
  const sentences = readCorpus<CscSentence>('csc.jsonl');
  if (!sentences) return ['csc sensitive: skipped, ../shared/corpus/csc.jsonl not found'];
  const engine = await shippedEngine();
  const count = { block: 0, review: 0, notice: 0 };
  const offending: string[] = [];
  for (const sentence of sentences) {
    const result = engine.screen({ title: '', body: textAsHtml(sentence.correct), sourceType: 'original' });
    for (const finding of result.findings.filter((f) => f.checker === 'sensitive')) {
      count[finding.severity]++;
      if (finding.severity !== 'notice') offending.push(describeFinding(sentence.id, finding));
    }
  }
  return [
    `csc sensitive: ${sentences.length} corrected sentences, block findings ${count.block}, review findings ${count.review} (goal 0 for both), notice findings ${count.notice}`,
    ...offending.map((line) => `csc sensitive finding: ${line}`),
  ];
}
