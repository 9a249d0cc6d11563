import { VERDICT_LABELS } from '../lib/labels';
import type { DraftEvent, Verdict } from '../lib/types';

const VERDICT_RANK: Record<Verdict, number> = { pass: 0, review: 1, block: 2 };

export interface FoundAfterApproval {
  verdict: Verdict;
  findingsAtApproval: number;
  findings: number;
  batchId: number;
}

/**
 * What re-screenings found after the last approval, when the new lists make the draft worse than its
 * reviewers saw it: a worse verdict, or more findings that are not all notices. Re-screenings that
 * changed nothing leave no event; the first one after the approval says what the reviewers saw.
 */
export function foundAfterApproval(events: DraftEvent[]): FoundAfterApproval | null {
  let approval = -1;
  events.forEach((event, index) => {
    if (event.toStatus === 'approved' && event.fromStatus !== 'approved') approval = index;
  });
  if (approval < 0) return null;
  const rescreens = events.slice(approval + 1).filter((event) => event.rescreen && event.verdict);
  const first = rescreens[0]?.rescreen;
  const last = rescreens.at(-1);
  if (!first || !last?.rescreen || !last.verdict) return null;
  const verdictAtApproval = first.previousVerdict ?? 'pass';
  const worse = VERDICT_RANK[last.verdict] > VERDICT_RANK[verdictAtApproval];
  const more = last.rescreen.findings > first.previousFindings && last.verdict !== 'pass';
  if (!worse && !more) return null;
  return { verdict: last.verdict, findingsAtApproval: first.previousFindings, findings: last.rescreen.findings, batchId: last.rescreen.batchId };
}

/** Warns whoever is about to publish an approved draft that the current lists find what its reviewers never saw. */
export function RescreenedAfterApproval({ events }: { events: DraftEvent[] }) {
  const found = foundAfterApproval(events);
  if (!found) return null;
  return (
    <div className="banner failure" role="alert" data-testid="rescreened-after-approval">
      {`审核通过后词库或规则有更新：重新筛查的机器结论为“${VERDICT_LABELS[found.verdict]}”，问题由 ${found.findingsAtApproval} 处变为 ${found.findings} 处（批次 #${found.batchId}）。`}
      审核人员没有看到过这些问题，发布前请在稿件页核实；不宜发布的，请勿发布，并告知审核人员。
    </div>
  );
}
