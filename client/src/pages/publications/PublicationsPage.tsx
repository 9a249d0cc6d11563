import { Link } from 'react-router';
import { get } from '../../lib/api';
import { timeText } from '../../lib/labels';
import { useLiveEvent, useResync } from '../../lib/live';
import { useSession } from '../../lib/session';
import type { DraftSummary, Paged, Publication } from '../../lib/types';
import { useFetch } from '../../lib/useFetch';
import { ErrorNote } from '../../components/Badges';

/** Drafts approved and waiting to be recorded as published (editors), and the publication records in scope. */
export function PublicationsPage() {
  const { user } = useSession();
  const isEditor = user?.role === 'editor';
  const waiting = useFetch(() => (isEditor ? get<Paged<DraftSummary>>('/api/drafts?status=approved&pageSize=100&sort=updated') : Promise.resolve(null)), [isEditor]);
  const records = useFetch(() => get<Paged<Publication>>('/api/publications?pageSize=100'), []);
  const refresh = () => {
    void waiting.refetch();
    void records.refetch();
  };
  useResync(refresh);
  useLiveEvent('draft:changed', refresh);

  return (
    <section>
      <div className="page-head">
        <h1>发布登记</h1>
      </div>
      {isEditor ? (
        <div className="card">
          <h2>已通过、待登记发布的稿件</h2>
          <ErrorNote message={waiting.error} />
          {waiting.data?.items.length ? (
            <ul data-testid="awaiting-publication">
              {waiting.data.items.map((draft) => (
                <li key={draft.id}>
                  {draft.title}（第 {draft.revision} 版）
                  <Link className="button small-link" to={`/drafts/${draft.id}/publish`}>
                    登记发布
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">没有待登记的稿件。</p>
          )}
        </div>
      ) : null}
      <div className="card">
        <h2>发布记录</h2>
        <ErrorNote message={records.error} />
        {records.data?.items.length ? (
          <table className="list" data-testid="publication-records">
            <thead>
              <tr>
                <th>稿件</th>
                <th>账号</th>
                <th>类型</th>
                <th>发布时间</th>
                <th>链接</th>
                <th>文本核对</th>
              </tr>
            </thead>
            <tbody>
              {records.data.items.map((p) => (
                <tr key={p.id}>
                  <td>{isEditor || user?.role === 'reviewer' ? <Link to={`/drafts/${p.draftId}`}>{p.title}</Link> : p.title}</td>
                  <td>{p.accountName}</td>
                  <td>{p.kindLabel}</td>
                  <td>{timeText(p.publishedAt)}</td>
                  <td>
                    <a href={p.url} target="_blank" rel="noopener noreferrer nofollow">
                      打开
                    </a>
                  </td>
                  <td>{p.textChecked ? '已核对' : '未核对'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">还没有发布记录。</p>
        )}
      </div>
    </section>
  );
}
