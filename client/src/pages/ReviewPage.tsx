import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, get, messageOf, post } from '../lib/api';
import { CHECKS, DECISION_LABELS, FIELD_LABELS, levelLabel, personName, statusText, timeText } from '../lib/labels';
import { useLiveEvent, useResync, useWatchDraft } from '../lib/live';
import { useSession } from '../lib/session';
import type { Draft, DraftAddress, DraftChange, DraftEvent } from '../lib/types';
import { useFetch } from '../lib/useFetch';
import { useClaim } from '../lib/useClaim';
import { forgetUnsentReview, keepUnsentReview, readUnsentReview } from '../lib/unsentReview';
import { accountList, useAccountNames } from '../lib/useAccountNames';
import { countyClockText } from '../lib/countyTime';
import { ErrorNote, StatusBadge, VerdictBadge } from '../components/Badges';
import { ConfirmButton } from '../components/ConfirmButton';
import { DiffView, RevisionDiff } from '../components/DiffView';
import { CurrentFinding } from '../components/CurrentFinding';
import { FindingList } from '../components/FindingList';
import { HighlightedBody, HighlightedPlain } from '../components/HighlightedText';
import { ReviewHistory } from '../components/ReviewHistory';

type Decision = 'approve' | 'return' | 'reject';

const ADDRESS_KINDS: Record<DraftAddress['kind'], string> = { source: '原文', link: '链接', image: '图片', text: '文中网址' };

/**
 * The repost's source, the body's links and images, and the addresses written as plain text in the
 * title, body and source name: what a reviewer must open and check. The server lists each address
 * once, as the most telling of the ways it stands in the draft.
 */
function linksOf(draft: Draft): Array<{ kind: string; source: boolean; url: string; text: string }> {
  return draft.addresses.map((address) => ({
    kind: ADDRESS_KINDS[address.kind],
    source: address.kind === 'source',
    url: address.url,
    text: address.kind === 'text' && address.field ? FIELD_LABELS[address.field]! : address.text,
  }));
}

/** The revision an earlier level approved, when it is not the current one (the draft came back and was revised). */
function approvedEarlier(draft: Draft): number | null {
  const approved = draft.reviews.filter((r) => r.decision === 'approve' && r.revision < draft.revision).map((r) => r.revision);
  return approved.length ? Math.max(...approved) : null;
}

export function ReviewPage() {
  const id = Number(useParams().id);
  const { user } = useSession();
  const userId = user?.id ?? 0;
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [change, setChange] = useState<string | null>(null);
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [comment, setComment] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [result, setResult] = useState<{ error?: string; done?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // 否决 ends the draft for good: the button and the X key only ask, the confirmation sends it.
  const [askingReject, setAskingReject] = useState(false);
  // Where the unit sends machine blocks on to reviewers, passing one is asked about first, like 否决.
  const [askingApprove, setAskingApprove] = useState(false);
  const [diff, setDiff] = useState<{ label: string; diff: RevisionDiff } | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const signoffRef = useRef<HTMLFormElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const shownRevision = useRef<number | null>(null);
  // Once the decision is recorded, nothing typed is kept any more.
  const decided = useRef(false);
  const accountNames = useAccountNames();
  const { state: claim, claim: retryClaim, release } = useClaim(id, user?.id);

  const load = useCallback(async () => {
    try {
      const next = await get<Draft>(`/api/drafts/${id}`);
      // The five ticks sign off the revision that was read: a newer one is checked afresh.
      if (shownRevision.current !== null && shownRevision.current !== next.revision) setChecks({});
      // First look at the draft: take back what was typed before the session ended, if anything was.
      const unsent = shownRevision.current === null ? readUnsentReview(userId, id, next.revision) : null;
      if (unsent) {
        setComment(unsent.comment);
        setChecks(unsent.checks);
      }
      shownRevision.current = next.revision;
      setDraft(next);
      setChange(null);
      setLoadError(null);
    } catch (error) {
      setLoadError(messageOf(error));
    }
  }, [id, userId]);

  useEffect(() => {
    void load();
  }, [load]);

  // What is typed and ticked is kept in the tab until the decision is recorded.
  const revision = draft?.revision;
  useEffect(() => {
    if (revision === undefined || decided.current) return;
    keepUnsentReview(userId, id, { revision, comment, checks });
  }, [userId, id, revision, comment, checks]);
  useWatchDraft(id);

  // The editor's note on this revision (why it came back unchanged, or what was changed): read from its history.
  const history = useFetch(
    () => (revision !== undefined && revision > 1 ? get<{ items: DraftEvent[] }>(`/api/drafts/${id}/events`) : Promise.resolve({ items: [] })),
    [id, revision],
  );
  const revisionNote = history.data?.items.find((event) => event.type === 'revised' && event.revision === revision && event.note)?.note ?? null;

  // A change while the page is open shows at once; the reviewer keeps what they read until they reload it.
  const describeChange = useCallback(
    (now: { status: Draft['status']; level: number | null; revision: number }) => {
      if (!draft) return;
      if (now.revision !== draft.revision) setChange(`作者已提交第 ${now.revision} 版，您看到的是第 ${draft.revision} 版。`);
      else if (now.status !== draft.status || now.level !== draft.level) setChange(`稿件状态已变为“${statusText(now.status, now.level)}”（可能已由其他审核员作出决定）。`);
    },
    [draft],
  );
  useLiveEvent<DraftChange>('draft:changed', (event) => {
    if (event.id === id) describeChange(event);
  });
  useResync(() => {
    void get<Draft>(`/api/drafts/${id}`).then(describeChange).catch(() => undefined);
  });

  // On a laptop screen the sign-off sits below the findings: a key pressed while reading the text
  // answers there (a missing check, the reason asked for, the question before 否决), so bring it into view.
  useEffect(() => {
    if (result || askingReject || askingApprove) answerRef.current?.scrollIntoView({ block: 'nearest' });
  }, [result, askingReject, askingApprove]);

  const allChecked = CHECKS.every((c) => checks[c.key]);
  const blocking = draft?.findings.filter((finding) => finding.severity === 'block').length ?? 0;
  // The draft as loaded is not at this reviewer's level (returned, decided, at another level): nothing to sign.
  // A change that arrives while the page is open leaves the buttons be, so that a stale decision is refused in words.
  const notHere = draft !== null && (draft.status !== 'in_review' || draft.level !== user?.level);
  const decisionBlocked = claim.kind === 'taken' || busy || !draft || notHere;
  // Decided by someone else, revised, or not at this level: there is nothing to claim.
  const movedOn = change !== null || notHere;

  const decide = useCallback(
    async (decision: Decision, confirmed = false) => {
      if (!draft || decisionBlocked) return;
      if (decision === 'approve' && !allChecked) {
        setResult({ error: `通过前须逐项勾选五关：${CHECKS.filter((c) => !checks[c.key]).map((c) => c.label).join('、')}` });
        return;
      }
      if (decision !== 'approve' && !comment.trim()) {
        setResult({ error: `${DECISION_LABELS[decision]}须填写理由` });
        commentRef.current?.focus();
        return;
      }
      if (decision === 'reject' && !confirmed) {
        setResult(null);
        setAskingApprove(false);
        setAskingReject(true);
        return;
      }
      if (decision === 'approve' && blocking && !confirmed) {
        setResult(null);
        setAskingReject(false);
        setAskingApprove(true);
        return;
      }
      setAskingReject(false);
      setAskingApprove(false);
      setBusy(true);
      setResult(null);
      try {
        await post(`/api/drafts/${id}/reviews`, { revision: draft.revision, decision, checks, comment: comment.trim() });
        decided.current = true;
        forgetUnsentReview(userId, id);
        release();
        setResult({ done: `已${DECISION_LABELS[decision]}。正在返回审核队列…` });
        window.setTimeout(() => navigate('/queue'), 1200);
      } catch (error) {
        const stale = error instanceof ApiError && error.status === 409;
        setResult({ error: stale ? `未能提交：${messageOf(error)}` : messageOf(error) });
        if (stale) void get<Draft>(`/api/drafts/${id}`).then(describeChange).catch(() => undefined);
        setBusy(false);
      }
    },
    [draft, decisionBlocked, allChecked, blocking, checks, comment, id, userId, release, navigate, describeChange],
  );

  // Keyboard: 1–5 tick the checks, A approve, R return, X reject, J/K next/previous finding, C comment.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      // Keys type into text fields; a check ticked with the mouse keeps the focus but takes no letters.
      const typing = target.closest('textarea, select, [contenteditable="true"], input:not([type="checkbox"]):not([type="radio"])');
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      const check = CHECKS[Number(key) - 1];
      if (check) {
        setChecks((c) => ({ ...c, [check.key]: !c[check.key] }));
        setResult(null);
        signoffRef.current?.querySelector(`input[name="${check.key}"]`)?.scrollIntoView({ block: 'nearest' });
      }
      else if (key === 'a') void decide('approve');
      else if (key === 'r') void decide('return');
      else if (key === 'x') void decide('reject');
      else if (key === 'c') commentRef.current?.focus();
      else if ((key === 'j' || key === 'k') && draft?.findings.length) {
        const count = draft.findings.length;
        setSelected((s) => (s === null ? 0 : (s + (key === 'j' ? 1 : count - 1)) % count));
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decide, draft]);

  // The body scrolls to its own marks; a finding of the title or the source is marked above and beside it.
  const selectedField = selected === null ? null : draft?.findings[selected]?.field;
  useEffect(() => {
    if (selected === null || !selectedField || selectedField === 'body') return;
    document.querySelector(`[data-testid="review-page"] mark[data-finding="${selected}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selected, selectedField]);

  const links = useMemo(() => (draft ? linksOf(draft) : []), [draft]);
  if (!draft) return <ErrorNote message={loadError} />;
  const earlier = approvedEarlier(draft);
  const showDiff = async (from: number, label: string) => {
    try {
      setDiff({ label, diff: await get<RevisionDiff>(`/api/drafts/${id}/diff?from=${from}&to=${draft.revision}`) });
    } catch (error) {
      setResult({ error: messageOf(error) });
    }
  };

  return (
    <section data-testid="review-page" data-revision={draft.revision}>
      <div className="page-head">
        <h1>
          <HighlightedPlain text={draft.text.title} findings={draft.findings} field="title" selected={selected} />
        </h1>
        <div className="head-actions">
          <StatusBadge status={draft.status} level={draft.level} />
          <VerdictBadge verdict={draft.verdict} />
          <Link to="/queue">返回队列</Link>
        </div>
      </div>
      {change ? (
        <div className="banner changed" role="alert" data-testid="change-banner">
          {change}
          <button type="button" className="small" onClick={() => void load()}>
            载入最新内容
          </button>
        </div>
      ) : null}
      {movedOn ? (
        <div className="banner claim" data-testid="claim-banner">
          {change ? '稿件已有变化，您看到的内容不能再领取；请先载入最新内容。' : `稿件现在${statusText(draft.status, draft.level)}，不在${levelLabel(user?.level)}审核中，无需领取。`}
        </div>
      ) : (
        <div className={`banner claim claim-${claim.kind}`} data-testid="claim-banner">
          {claim.kind === 'pending' ? '正在领取…' : null}
          {claim.kind === 'mine' ? `已由您领取，领取至 ${countyClockText(claim.claim.expiresAt)}（审核期间自动续期，离开页面即释放）` : null}
          {claim.kind === 'taken' ? `${claim.holder} 正在审核此稿件（领取至 ${countyClockText(claim.expiresAt)}），到期后可接手。` : null}
          {claim.kind === 'refused' ? claim.message : null}
          {claim.kind === 'taken' || claim.kind === 'refused' ? (
            <button type="button" className="small" onClick={() => void retryClaim()}>
              重新领取
            </button>
          ) : null}
        </div>
      )}
      <p className="muted">
        第 {draft.revision} 版 · 作者 {personName(draft.author)} ·{' '}
        {draft.status === 'in_review' ? `进入${levelLabel(draft.level)}` : `${statusText(draft.status, draft.level)}于`} {timeText(draft.statusChangedAt)} ·{' '}
        {draft.sourceType === 'repost' ? (
          <>
            转载自 {draft.text.sourceName ? <HighlightedPlain text={draft.text.sourceName} findings={draft.findings} field="sourceName" selected={selected} /> : '（未填写来源）'}
          </>
        ) : (
          '原创'
        )}{' '}
        · 发布账号：{accountList(draft.accountIds, accountNames)}
      </p>
      <div className="columns">
        <div className="main-column">
          <CurrentFinding findings={draft.findings} selected={selected} onClose={() => setSelected(null)} />
          <div className="card">
            <HighlightedBody html={draft.body} plain={draft.text.body} findings={draft.findings} selected={selected} onSelect={setSelected} />
          </div>
          <div className="card">
            <h2>来源与链接</h2>
            {links.length ? (
              <ul className="links" data-testid="links">
                {links.map((link, i) => (
                  <li key={i}>
                    <span className="badge">{link.kind}</span> {link.text ? `${link.text} · ` : ''}
                    <code>
                      {link.source && link.url === draft.text.sourceUrl ? (
                        <HighlightedPlain text={link.url} findings={draft.findings} field="sourceUrl" selected={selected} />
                      ) : (
                        link.url
                      )}
                    </code>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">正文没有链接和图片。</p>
            )}
          </div>
          <div className="card">
            <h2>版本比较</h2>
            {revisionNote ? (
              <p className="revision-note" data-testid="review-revision-note">
                作者对第 {draft.revision} 版的说明：{revisionNote}
              </p>
            ) : null}
            <div className="actions">
              {draft.revision > 1 ? (
                <button type="button" onClick={() => void showDiff(draft.revision - 1, '与上一版本比较')}>
                  与上一版本（第 {draft.revision - 1} 版）比较
                </button>
              ) : (
                <span className="muted">这是第 1 版，没有更早的版本。</span>
              )}
              {earlier !== null && earlier !== draft.revision - 1 ? (
                <button type="button" onClick={() => void showDiff(earlier, '与上级已通过版本比较')}>
                  与前一级已通过的第 {earlier} 版比较
                </button>
              ) : null}
            </div>
            {diff ? (
              <>
                <h3>{diff.label}</h3>
                <DiffView diff={diff.diff} />
              </>
            ) : null}
          </div>
        </div>
        <aside className="side-column">
          <div className="card">
            <h2>机器预审（{draft.findings.length} 处）</h2>
            <FindingList findings={draft.findings} selected={selected} onSelect={setSelected} />
          </div>
          <div className="card">
            <h2>前序审核</h2>
            <ReviewHistory reviews={draft.reviews} />
          </div>
          <form
            ref={signoffRef}
            className="card signoff"
            onSubmit={(event) => {
              event.preventDefault();
              void decide('approve');
            }}
          >
            <h2>{levelLabel(user?.level)}签署</h2>
            <fieldset>
              <legend>五关核查（逐项确认）</legend>
              {CHECKS.map((check, i) => (
                <label key={check.key} className="check" title={check.hint}>
                  <input type="checkbox" name={check.key} checked={Boolean(checks[check.key])} onChange={(e) => {
                      setChecks((c) => ({ ...c, [check.key]: e.target.checked }));
                      setResult(null);
                    }}
                  />
                  <kbd>{i + 1}</kbd> {check.label} <span className="muted small">{check.hint}</span>
                </label>
              ))}
            </fieldset>
            <label>
              审核意见（退回、否决时必填）
              <textarea name="comment" ref={commentRef} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
            </label>
            <div ref={answerRef}>
              {result?.error ? (
                <div className="error" role="alert" data-testid="decision-error">
                  {result.error}
                </div>
              ) : null}
              {result?.done ? <div className="success">{result.done}</div> : null}
              <div className="actions">
                {blocking ? (
                  <ConfirmButton
                    className="primary"
                    danger={false}
                    label={
                      <>
                        通过 <kbd>A</kbd>
                      </>
                    }
                    question={`机器预审有 ${blocking} 处“拦截”。确认已逐一核实、可以发布，仍然通过吗？`}
                    confirmLabel="确认通过"
                    disabled={decisionBlocked}
                    asking={askingApprove}
                    onAskingChange={(asking) => (asking ? void decide('approve') : setAskingApprove(false))}
                    onConfirm={() => decide('approve', true)}
                  />
                ) : (
                  <button type="submit" className="primary" disabled={decisionBlocked}>
                    通过 <kbd>A</kbd>
                  </button>
                )}
                <button type="button" disabled={decisionBlocked} onClick={() => void decide('return')}>
                  退回修改 <kbd>R</kbd>
                </button>
                <ConfirmButton
                  className=""
                  label={
                    <>
                      否决 <kbd>X</kbd>
                    </>
                  }
                  question="否决后稿件即终止，不能再修改或重新提交。确定否决吗？"
                  confirmLabel="确认否决"
                  disabled={decisionBlocked}
                  asking={askingReject}
                  onAskingChange={(asking) => (asking ? void decide('reject') : setAskingReject(false))}
                  onConfirm={() => decide('reject', true)}
                />
              </div>
            </div>
            {notHere && !change ? (
              <p className="muted small" data-testid="nothing-to-sign">
                稿件现在{statusText(draft.status, draft.level)}，不在{levelLabel(user?.level)}审核中，无需签署。
              </p>
            ) : null}
            <p className="muted small">快捷键：1–5 勾选五关，A 通过，R 退回，X 否决，J/K 上下切换问题，C 填写意见。</p>
          </form>
        </aside>
      </div>
    </section>
  );
}
