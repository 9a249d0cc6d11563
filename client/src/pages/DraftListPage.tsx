import { Link } from 'react-router';
import { get } from '../lib/api';
import { personName, timeText } from '../lib/labels';
import { useLiveEvent, useResync } from '../lib/live';
import { useSession } from '../lib/session';
import type { DraftChange, DraftSummary } from '../lib/types';
import { useFetch } from '../lib/useFetch';
import { ErrorNote, StatusBadge, VerdictBadge } from '../components/Badges';

interface DraftPage {
  items: DraftSummary[];
  total: number;
}

/** Editors: their own drafts, moving live. Reviewers: every draft of the unit past screening. */
export function DraftListPage() {
  const { user } = useSession();
  const mine = user?.role === 'editor';
  const { data, error, refetch, setData } = useFetch(() => get<DraftPage>(`/api/drafts?pageSize=100&sort=updated${mine ? '&mine=1' : ''}`), [mine]);
  useResync(refetch);
  useLiveEvent<DraftChange>('draft:changed', (change) => {
    const known = data?.items.some((d) => d.id === change.id);
    // A change does not say who returned a draft (machine or reviewer): the list asks.
    if (!known || change.status === 'returned') return void refetch();
    setData((current) =>
      current ? { ...current, items: current.items.map((d) => (d.id === change.id ? { ...d, ...change, statusChangedAt: change.at, updatedAt: change.at } : d)) } : current,
    );
  });

  return (
    <section>
      <div className="page-head">
        <h1>{mine ? '我的稿件' : '本单位稿件'}</h1>
        {mine ? (
          <Link className="button primary" to="/drafts/new">
            写新稿件
          </Link>
        ) : null}
      </div>
      <ErrorNote message={error} />
      {data && !data.items.length ? <p className="muted">还没有稿件。</p> : null}
      {data?.items.length ? (
        <table className="list" data-testid="draft-list">
          <thead>
            <tr>
              <th>标题</th>
              <th>状态</th>
              <th>机器预审</th>
              <th>版本</th>
              {mine ? null : <th>作者</th>}
              <th>更新时间</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((draft) => (
              <tr key={draft.id} data-draft-id={draft.id}>
                <td>
                  <Link to={`/drafts/${draft.id}`}>{draft.title}</Link>
                </td>
                <td>
                  <StatusBadge status={draft.status} level={draft.level} />
                  {draft.status === 'returned' ? <span className="muted small">（{draft.returnedBy === 'machine' ? '机器退回' : '审核员退回'}）</span> : null}
                </td>
                <td>
                  <VerdictBadge verdict={draft.verdict} />
                </td>
                <td>第 {draft.revision} 版</td>
                {mine ? null : <td>{personName(draft.author)}</td>}
                <td>{timeText(draft.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
