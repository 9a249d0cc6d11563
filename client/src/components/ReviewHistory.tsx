import { CHECKS, DECISION_LABELS, levelLabel, personName, timeText } from '../lib/labels';
import type { Review } from '../lib/types';

/** Every decision on the draft, newest last: who, which level and revision, the five checks, the reason. */
export function ReviewHistory({ reviews }: { reviews: Review[] }) {
  if (!reviews.length) return <p className="muted">还没有审核意见。</p>;
  return (
    <ol className="reviews" data-testid="reviews">
      {reviews.map((review) => (
        <li key={review.id} className={`review decision-${review.decision}`}>
          <div>
            <strong>{levelLabel(review.level)}</strong> · {personName(review.reviewer)} · 第 {review.revision} 版 ·{' '}
            <span className={`badge decision-${review.decision}`}>{DECISION_LABELS[review.decision]}</span>
            <span className="muted small"> {timeText(review.createdAt)}</span>
          </div>
          {review.decision === 'approve' ? (
            <div className="muted small">{CHECKS.map((c) => `${review.checks[c.key] ? '✔' : '✘'}${c.label}`).join('　')}</div>
          ) : null}
          {review.comment ? <div className="comment">意见：{review.comment}</div> : null}
        </li>
      ))}
    </ol>
  );
}
