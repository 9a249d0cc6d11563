import { FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, messageOf, post } from '../lib/api';
import { STATUS_LABELS, timeText, VERDICT_LABELS } from '../lib/labels';
import { useLiveEvent, useResync } from '../lib/live';
import type { DraftStatus, Verdict } from '../lib/types';
import { useFetch } from '../lib/useFetch';
import { ErrorNote } from '../components/Badges';

type Scope = 'in_review' | 'approved' | 'published';

interface Batch {
  id: number;
  scope: Scope;
  reason: string | null;
  total: number;
  done: number;
  changed: number;
  /** Drafts the machine could not re-screen (counted in done): they keep their verdict. */
  failed: number;
  finished: boolean;
  createdAt: string;
}

interface ChangedDraft {
  draftId: number;
  title: string;
  previousVerdict: Verdict | null;
  verdict: Verdict;
  findingCount: number;
}

/** A draft the batch could not re-screen: its job failed every series of attempts. */
interface FailedDraft {
  draftId: number;
  title: string;
  status: DraftStatus;
  verdict: Verdict | null;
}

const SCOPE_LABELS: Record<Scope, string> = { in_review: '审核中的稿件', approved: '已通过待发布的稿件', published: '已发布的稿件' };
/** The drafts not re-screened listed at most (the count above the list is exact). */
const FAILED_LISTED = 200;

/** After a word-list or rule change: re-screen the drafts in review, follow the progress, see whose verdict changed. */
export function RescreenPage() {
  const batches = useFetch(() => get<{ items: Batch[] }>('/api/rescreens'), []);
  // A batch started from the word-list or rules page opens here with its progress.
  const [params] = useSearchParams();
  const [openBatch, setOpenBatch] = useState<number | null>(params.get('batch') ? Number(params.get('batch')) : null);
  const changes = useFetch(
    () => (openBatch === null ? Promise.resolve({ items: [] as ChangedDraft[] }) : get<{ items: ChangedDraft[] }>(`/api/rescreens/${openBatch}/changes?pageSize=200`)),
    [openBatch],
  );
  // Asked for only once the batch has some: usually none.
  const failedCount = batches.data?.items.find((b) => b.id === openBatch)?.failed ?? 0;
  const failures = useFetch(
    () =>
      openBatch === null || failedCount === 0
        ? Promise.resolve({ items: [] as FailedDraft[] })
        : get<{ items: FailedDraft[] }>(`/api/rescreens/${openBatch}/failures?pageSize=${FAILED_LISTED}`),
    [openBatch, failedCount],
  );
  const [scope, setScope] = useState<Scope>('in_review');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => {
    void batches.refetch();
    void changes.refetch();
    void failures.refetch();
  };
  useResync(refresh);
  useLiveEvent<{ batchId: number }>('rescreen:progress', refresh);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const batch = await post<Batch>('/api/rescreens', { scope, reason: reason.trim() || null });
      setOpenBatch(batch.id);
      await batches.refetch();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const items = batches.data?.items ?? [];
  const current = items.find((b) => b.id === openBatch) ?? null;

  return (
    <section>
      <div className="page-head">
        <h1>重新筛查</h1>
      </div>
      <form className="card" onSubmit={start}>
        <p className="muted">
          修改词库或规则后，用最新规则重新检查稿件，机器结论变化的稿件会列在下方。审核中的稿件被拦截时，按本单位审核策略退回编辑；已通过待发布的稿件不会变动，登记发布时会提示新的结论。
        </p>
        <label className="inline">
          范围
          <select name="scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            {(Object.keys(SCOPE_LABELS) as Scope[]).map((value) => (
              <option key={value} value={value}>
                {SCOPE_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline grow">
          原因
          <input name="reason" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} placeholder="如：新增违禁词" />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在开始…' : '开始重新筛查'}
        </button>
        <ErrorNote message={error ?? batches.error} />
      </form>
      {current ? (
        <div className="card" data-testid="rescreen-progress" data-finished={current.finished ? 'yes' : 'no'}>
          <h2>
            第 {current.id} 次重新筛查 · {SCOPE_LABELS[current.scope]}
          </h2>
          <progress max={Math.max(current.total, 1)} value={current.done} />
          <p>
            已完成 {current.done} / {current.total}，机器结论变化 <strong data-testid="changed-count">{current.changed}</strong> 篇{current.finished ? '，已全部完成' : '…'}
          </p>
          {current.failed > 0 ? (
            <div data-testid="failed-drafts">
              <p className="error">
                {current.failed} 篇稿件未能重新筛查（机器多次出错），仍保留原结论，请人工复核：
              </p>
              <ul>
                {(failures.data?.items ?? []).map((item) => (
                  <li key={item.draftId} data-draft-id={item.draftId}>
                    <Link to={`/drafts/${item.draftId}`}>{item.title}</Link>
                    {`（第 ${item.draftId} 号，${STATUS_LABELS[item.status]}，原结论：${item.verdict ? VERDICT_LABELS[item.verdict] : '无'}）`}
                  </li>
                ))}
              </ul>
              {current.failed > FAILED_LISTED ? <p className="muted">仅列出前 {FAILED_LISTED} 篇。</p> : null}
              <p className="muted">稿件只有所属单位的编辑和审核员能打开，请把链接转给他们复核。</p>
              <ErrorNote message={failures.error} />
            </div>
          ) : null}
          {changes.data?.items.length ? (
            <table className="list" data-testid="changed-drafts">
              <thead>
                <tr>
                  <th>稿件</th>
                  <th>原结论</th>
                  <th>新结论</th>
                  <th>问题数</th>
                </tr>
              </thead>
              <tbody>
                {changes.data.items.map((item) => (
                  <tr key={item.draftId} data-draft-id={item.draftId}>
                    <td>{item.title}</td>
                    <td>{item.previousVerdict ? VERDICT_LABELS[item.previousVerdict] : '—'}</td>
                    <td className={`verdict-${item.verdict}`}>{VERDICT_LABELS[item.verdict]}</td>
                    <td>{item.findingCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      <div className="card">
        <h2>最近的重新筛查</h2>
        {items.length ? (
          <table className="list">
            <thead>
              <tr>
                <th>编号</th>
                <th>范围</th>
                <th>原因</th>
                <th>进度</th>
                <th>结论变化</th>
                <th>开始时间</th>
              </tr>
            </thead>
            <tbody>
              {items.map((batch) => (
                <tr key={batch.id}>
                  <td>
                    <button type="button" className="link" onClick={() => setOpenBatch(batch.id)}>
                      第 {batch.id} 次
                    </button>
                  </td>
                  <td>{SCOPE_LABELS[batch.scope]}</td>
                  <td>{batch.reason ?? ''}</td>
                  <td>
                    {batch.done} / {batch.total}
                    {batch.failed > 0 ? <span className="warning">（{batch.failed} 篇未能筛查）</span> : null}
                  </td>
                  <td>{batch.changed}</td>
                  <td>{timeText(batch.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">还没有重新筛查过。</p>
        )}
      </div>
    </section>
  );
}
