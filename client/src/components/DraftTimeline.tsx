import { personName, statusText, timeText, VERDICT_LABELS } from '../lib/labels';
import type { DraftEvent, DraftRescreen } from '../lib/types';

const EVENT_LABELS: Record<string, string> = {
  submitted: '提交',
  revised: '修改后重新提交',
  screened: '机器预审完成',
  screening_failed: '机器预审未能完成，转人工审核',
  'review.approve': '审核通过',
  'review.return': '退回修改',
  'review.reject': '否决',
  published: '发布登记',
};

const verdictName = (verdict: string | null) => `“${verdict ? (VERDICT_LABELS[verdict as keyof typeof VERDICT_LABELS] ?? verdict) : '无'}”`;

/** A re-screening that changed the draft's verdict or findings: from what to what, which batch, who started it. */
function rescreenText(event: DraftEvent, rescreen: DraftRescreen): string {
  const verdict =
    rescreen.previousVerdict === event.verdict
      ? `机器结论仍为${verdictName(event.verdict)}`
      : `机器结论由${verdictName(rescreen.previousVerdict)}变为${verdictName(event.verdict)}`;
  const count =
    rescreen.previousFindings === rescreen.findings ? `问题仍为 ${rescreen.findings} 处` : `问题由 ${rescreen.previousFindings} 处变为 ${rescreen.findings} 处`;
  const moves = [rescreen.added ? `新增 ${rescreen.added} 处` : '', rescreen.removed ? `消除 ${rescreen.removed} 处` : ''].filter(Boolean).join('、');
  const batch = event.actor ? `批次 #${rescreen.batchId}，发起人 ${personName(event.actor)}` : `批次 #${rescreen.batchId}`;
  const sentBack = event.toStatus === 'returned' && event.fromStatus !== 'returned' ? '；按本单位审核策略退回编辑修改' : '';
  return `词库或规则更新后重新筛查：${verdict}；${count}${moves ? `，${moves}` : ''}${sentBack}（${batch}）`;
}

/** The draft's history, oldest first: every state change, and every re-screening that changed what reviewers read. */
export function DraftTimeline({ events }: { events: DraftEvent[] }) {
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((event) => (
        <li key={event.id} data-type={event.type}>
          <span className="muted small">{timeText(event.createdAt)}</span> 第 {event.revision} 版 ·{' '}
          {event.rescreen
            ? rescreenText(event, event.rescreen)
            : `${EVENT_LABELS[event.type] ?? event.type} · ${personName(event.actor)} → ${statusText(event.toStatus, event.toLevel)}`}
          {event.note ? <div className="small" data-testid="revision-note">说明：{event.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
