import { useState } from 'react';
import { useNavigate } from 'react-router';
import { messageOf, post } from '../lib/api';
import { ErrorNote } from './Badges';

type OfferedScope = 'in_review' | 'approved';

/**
 * After a rule or word-list change: the drafts already in review, and the approved ones not yet
 * published, were screened with the old rules. One click starts a re-screening batch of either
 * and opens its progress.
 */
export function RescreenOffer({ changes }: { changes: string[] }) {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<OfferedScope | null>(null);
  if (!changes.length) return null;
  const start = async (scope: OfferedScope) => {
    setBusy(scope);
    setError(null);
    try {
      const reason = changes.length === 1 ? changes[0]! : `${changes[changes.length - 1]} 等 ${changes.length} 项规则变更`;
      const batch = await post<{ id: number }>('/api/rescreens', { scope, reason: reason.slice(0, 300) });
      navigate(`/rescreens?batch=${batch.id}`);
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(null);
    }
  };
  return (
    <div className="banner changed" data-testid="rescreen-offer">
      规则已更改（本次 {changes.length} 项）。审核中和已通过待发布的稿件是按旧规则预审的。
      <button type="button" className="primary small" onClick={() => void start('in_review')} disabled={busy !== null}>
        {busy === 'in_review' ? '正在开始…' : '重新筛查审核中的稿件'}
      </button>
      <button type="button" className="small" onClick={() => void start('approved')} disabled={busy !== null}>
        {busy === 'approved' ? '正在开始…' : '重新筛查已通过待发布的稿件'}
      </button>
      <ErrorNote message={error} />
    </div>
  );
}
