import { Verdict } from '../../workers/screening/types';
import { describeFinding, readCorpus, shippedEngine, textAsHtml } from './corpus';

interface Message {
  id: string;
  text: string;
  label: number;
  spam_type: string | null;
}

/**
 * Spam and normal SMS messages (ads.jsonl: 150 spam, advertising or fraud, and 50 normal): the
 * share of each that the pre-screen sends to review or blocks, overall and per checker. The
 * normal messages that get flagged are listed, since each is a false alarm.
 */
export async function runAdsEvaluation(): Promise<string[]> {
  const messages = readCorpus<Message>('ads.jsonl');
  if (!messages) return ['ads: skipped, ../shared/corpus/ads.jsonl not found'];
  const engine = await shippedEngine();
  const groups = new Map<string, { total: number; flagged: number; byChecker: Map<string, number> }>();
  const falseAlarms: string[] = [];
  for (const message of messages) {
    const group = message.label === 1 ? `spam/${message.spam_type ?? 'other'}` : 'normal';
    const result = engine.screen({ title: '', body: textAsHtml(message.text), sourceType: 'original' });
    const entry = groups.get(group) ?? { total: 0, flagged: 0, byChecker: new Map<string, number>() };
    entry.total++;
    if (flagged(result.verdict)) entry.flagged++;
    const checkersThatFlagged = new Set(result.findings.filter((f) => f.severity !== 'notice').map((f) => f.checker));
    for (const checker of checkersThatFlagged) entry.byChecker.set(checker, (entry.byChecker.get(checker) ?? 0) + 1);
    groups.set(group, entry);
    if (message.label === 0 && flagged(result.verdict)) {
      for (const finding of result.findings.filter((f) => f.severity !== 'notice')) falseAlarms.push(describeFinding(message.id, finding));
    }
  }
  const share = (part: number, whole: number) => `${part}/${whole} = ${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
  const spam = [...groups.entries()].filter(([name]) => name.startsWith('spam/'));
  const spamTotal = spam.reduce((sum, [, g]) => sum + g.total, 0);
  const spamFlagged = spam.reduce((sum, [, g]) => sum + g.flagged, 0);
  const normal = groups.get('normal') ?? { total: 0, flagged: 0, byChecker: new Map<string, number>() };
  return [
    `ads: spam messages sent to review or blocked ${share(spamFlagged, spamTotal)}`,
    `ads: normal messages sent to review or blocked ${share(normal.flagged, normal.total)}`,
    ...[...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([name, g]) =>
          `ads ${name}: flagged ${share(g.flagged, g.total)}; by checker (review/block): ${
            [...g.byChecker.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([checker, n]) => `${checker} ${n}`)
              .join(', ') || 'none'
          }`,
      ),
    ...falseAlarms.map((line) => `ads false alarm: ${line}`),
  ];
}

function flagged(verdict: Verdict): boolean {
  return verdict === 'review' || verdict === 'block';
}
