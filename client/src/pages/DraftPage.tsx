import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../lib/api';
import { personName, statusText, timeText } from '../lib/labels';
import { useLiveEvent, useResync, useWatchDraft } from '../lib/live';
import { useSession } from '../lib/session';
import type { Draft, DraftChange, DraftEvent } from '../lib/types';
import { useFetch } from '../lib/useFetch';
import { accountList, useAccountNames } from '../lib/useAccountNames';
import { ErrorNote, StatusBadge, VerdictBadge } from '../components/Badges';
import { FindingList } from '../components/FindingList';
import { HighlightedBody, HighlightedPlain } from '../components/HighlightedText';
import { DraftTimeline } from '../components/DraftTimeline';
import { ProgressSteps } from '../components/ProgressSteps';
import { PublishLink } from '../components/PublishLink';
import { RescreenedAfterApproval } from '../components/RescreenedAfterApproval';
import { ReviewHistory } from '../components/ReviewHistory';
import { RevisionHistory } from '../components/RevisionHistory';

/** One draft as its author (or a reviewer of the unit) follows it: where it is, what the machine and people said. */
export function DraftPage() {
  const id = Number(useParams().id);
  const { user } = useSession();
  const [selected, setSelected] = useState<number | null>(null);
  const accountNames = useAccountNames();
  const draft = useFetch(() => get<Draft>(`/api/drafts/${id}`), [id]);
  const events = useFetch(() => get<{ items: DraftEvent[] }>(`/api/drafts/${id}/events`), [id]);
  const refetch = () => {
    void draft.refetch();
    void events.refetch();
  };
  useWatchDraft(id);
  useResync(refetch);
  useLiveEvent<DraftChange>('draft:changed', (change) => {
    if (change.id === id) refetch();
  });

  const d = draft.data;
  if (!d) return <ErrorNote message={draft.error} />;
  const isAuthor = user?.id === d.authorId;
  const canReview = user?.role === 'reviewer' && d.status === 'in_review' && d.level === user.level && !isAuthor;

  return (
    <section data-testid="draft-page" data-status={d.status} data-level={d.level ?? ''} data-revision={d.revision}>
      <div className="page-head">
        <h1>
          <HighlightedPlain text={d.text.title} findings={d.findings} field="title" />
        </h1>
        <div className="head-actions">
          <StatusBadge status={d.status} level={d.level} />
          <VerdictBadge verdict={d.verdict} />
          {d.status === 'returned' && (isAuthor || (user?.role === 'editor' && !d.authorCanRevise)) ? (
            <Link className="button primary" to={`/drafts/${d.id}/edit`}>
              {isAuthor ? '修改稿件' : '代作者修改'}
            </Link>
          ) : null}
          {isAuthor || user?.role === 'editor' ? <PublishLink draft={d} /> : null}
          {canReview ? (
            <Link className="button primary" to={`/review/${d.id}`}>
              去审核
            </Link>
          ) : null}
        </div>
      </div>
      <ErrorNote message={draft.error} />
      {d.status === 'approved' || d.status === 'published' ? <RescreenedAfterApproval events={events.data?.items ?? []} /> : null}
      <ProgressSteps status={d.status} level={d.level} levels={d.reviewLevels} />
      <p className="muted" data-testid="status-line">
        第 {d.revision} 版 · {statusText(d.status, d.level)} · 作者 {personName(d.author)} · 最近变化 {timeText(d.statusChangedAt)}
        {d.status === 'returned' ? `（${d.returnedBy === 'machine' ? '机器预审发现必须修改的问题' : '审核员退回'}）` : ''}
      </p>
      <div className="columns">
        <div className="main-column card">
          <p className="muted small">
            {d.sourceType === 'repost' ? `转载 · 来源：${d.sourceName ?? '未填写'} · ${d.sourceUrl ?? ''}` : '原创'} · 发布账号：{accountList(d.accountIds, accountNames)}
          </p>
          <HighlightedBody html={d.body} plain={d.text.body} findings={d.findings} selected={selected} onSelect={setSelected} />
        </div>
        <aside className="side-column">
          <div className="card">
            <h2>审核意见</h2>
            <ReviewHistory reviews={d.reviews} />
          </div>
          <div className="card">
            <h2>机器预审（{d.findings.length} 处）</h2>
            {d.status === 'screening' ? <p className="muted">正在机器预审，请稍候…</p> : (
              <>
                <FindingList findings={d.findings} selected={selected} onSelect={setSelected} />
                {d.screening && d.screening.findingCount > d.findings.length ? (
                  <p className="muted" role="note">
                    本次预审共发现 {d.screening.findingCount} 处问题，这里按严重程度列出其中 {d.findings.length} 处。
                  </p>
                ) : null}
              </>
            )}
          </div>
          <div className="card">
            <h2>修改历史</h2>
            <RevisionHistory draftId={d.id} revisions={d.revisions} current={d.revision} />
          </div>
          <div className="card">
            <h2>流转记录</h2>
            <DraftTimeline events={events.data?.items ?? []} />
          </div>
        </aside>
      </div>
    </section>
  );
}
