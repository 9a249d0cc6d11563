import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, get, messageOf, post, queryString } from '../../lib/api';
import { COUNTY_TIME_EXAMPLE, parseCountyTime } from '../../lib/countyTime';
import { timeText } from '../../lib/labels';
import type { Draft, DraftEvent, Paged, Publication, TextComparison } from '../../lib/types';
import { accountList, useAccountNames } from '../../lib/useAccountNames';
import { useAccountsInStatus, useNormalAccounts } from '../../lib/useNormalAccounts';
import { useFetch } from '../../lib/useFetch';
import { useKeptForm } from '../../lib/useKeptForm';
import { ErrorNote, StatusBadge } from '../../components/Badges';
import { RestoredFormNote } from '../../components/RestoredFormNote';
import { RescreenedAfterApproval } from '../../components/RescreenedAfterApproval';
import { TextDifferences } from '../../components/TextDifferences';

interface Comparison {
  identical: boolean;
  title: TextComparison | null;
  body: TextComparison | null;
}

interface Form {
  accountId: string;
  url: string;
  publishedAt: string;
  kind: 'post' | 'closing_notice';
  platformTitle: string;
  platformText: string;
}

/** What the 发布时间 box says when it is not a time, with the format it takes. */
const TIME_FORMAT_ERROR = `发布时间的格式不对：请按“年/月/日 时:分”填写北京时间，如 ${COUNTY_TIME_EXAMPLE}（也可带秒），或留空表示现在`;

/** Why no account is left to record on: all recorded, or (no target named) none of the unit in normal standing. */
function noAccountLeftText(named: boolean, candidates: number, registryLoaded: boolean): string {
  if (named || candidates > 0) return '所有发布账号都已登记。';
  return registryLoaded ? '本单位没有状态为“正常”的备案账号，暂不能登记发布。' : '正在读取本单位的账号…';
}

/**
 * After the last approval, an editor records where and when the approved revision went out on each
 * target account. Pasting the platform's text proves it is the approved one: a difference beyond
 * whitespace is refused, and shown.
 */
export function PublishPage() {
  const id = Number(useParams().id);
  const names = useAccountNames();
  const unitAccounts = useNormalAccounts();
  const suspendedAccounts = useAccountsInStatus('suspended');
  const draft = useFetch(() => get<Draft>(`/api/drafts/${id}`), [id]);
  const events = useFetch(() => get<{ items: DraftEvent[] }>(`/api/drafts/${id}/events`), [id]);
  const records = useFetch(() => get<Paged<Publication>>(`/api/publications${queryString({ draftId: id, pageSize: 200 })}`), [id]);
  // The link and the pasted platform text come back after a session that ended half-way (see useKeptForm).
  const kept = useKeptForm<Form>(`publish-${id}`, { accountId: '', url: '', publishedAt: '', kind: 'post', platformTitle: '', platformText: '' });
  const { value: form, set: setForm } = kept;
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const d = draft.data;
  if (!d) return <ErrorNote message={draft.error} />;
  const recorded = new Set((records.data?.items ?? []).map((p) => p.accountId));
  // A draft reviewed without target accounts may go out on any 正常 account of the unit (a closing
  // notice also on a suspended one, as the server allows).
  const named = d.accountIds.length > 0;
  const unnamedChoice = [...(unitAccounts ?? []), ...(form.kind === 'closing_notice' ? suspendedAccounts ?? [] : [])];
  const candidates = named ? d.accountIds : unnamedChoice.map((a) => a.id);
  const open = candidates.filter((accountId) => !recorded.has(accountId));
  const publishable = d.status === 'approved' || d.status === 'published';
  // A choice that is no longer offered (the closing-notice box unticked) falls back to the first one.
  const accountId = open.includes(Number(form.accountId)) ? form.accountId : String(open[0] ?? '');

  const compare = async () => {
    setError(null);
    setSaved(null);
    try {
      setComparison(await post<Comparison>('/api/publications/compare', { draftId: id, platformText: form.platformText, ...(form.platformTitle ? { platformTitle: form.platformTitle } : {}) }));
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  const record = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    setComparison(null);
    // Typed in Beijing time, sent with its offset: the same instant wherever the computer's clock is set.
    const publishedAt = form.publishedAt.trim() ? parseCountyTime(form.publishedAt) : new Date().toISOString();
    if (!publishedAt) return setError(TIME_FORMAT_ERROR);
    setBusy(true);
    try {
      const answer = await post<Publication>('/api/publications', {
        draftId: id,
        revision: d.revision,
        accountId: Number(accountId),
        publishedAt,
        url: form.url.trim(),
        kind: form.kind,
        ...(form.platformTitle ? { platformTitle: form.platformTitle } : {}),
        ...(form.platformText ? { platformText: form.platformText } : {}),
      });
      setSaved(`已登记在“${answer.accountName ?? names.get(answer.accountId)}”发布${answer.textChecked ? '（已核对平台文本与审核通过的版本一致）' : ''}`);
      kept.forget();
      await Promise.all([records.refetch(), draft.refetch()]);
    } catch (caught) {
      // The form keeps what was typed; a refused text shows where it differs.
      setError(messageOf(caught));
      if (caught instanceof ApiError && caught.id === 'content_differs') {
        const details = caught.details as { title: TextComparison | null; body: TextComparison | null };
        setComparison({ identical: false, title: details.title, body: details.body });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="publish-page">
      <div className="page-head">
        <h1>登记发布：{d.title}</h1>
        <div className="head-actions">
          <StatusBadge status={d.status} level={d.level} />
          <Link className="button" to={`/drafts/${d.id}`}>
            返回稿件
          </Link>
        </div>
      </div>
      <p className="muted">
        审核通过的是第 {d.revision} 版 · 发布账号：{named ? accountList(d.accountIds, names) : '未指定（可登记在本单位任一状态为“正常”的账号）'}
      </p>
      {!publishable ? <div className="error">稿件尚未通过全部审核，不能登记发布（先审后发）。</div> : null}
      {publishable ? <RescreenedAfterApproval events={events.data?.items ?? []} /> : null}
      <div className="columns">
        <form className="card main-column" onSubmit={record} aria-label="登记发布">
          <h2>登记一次发布</h2>
          {kept.restored ? <RestoredFormNote onDiscard={kept.forget} /> : null}
          {publishable && !open.length ? <p className="muted">{noAccountLeftText(named, candidates.length, unitAccounts !== null)}</p> : null}
          <label>
            发布账号
            <select name="accountId" value={accountId} onChange={(e) => setForm({ ...form, accountId: e.target.value })} required>
              {open.map((accountId) => (
                <option key={accountId} value={accountId}>
                  {names.get(accountId) ?? `账号 #${accountId}`}
                </option>
              ))}
            </select>
          </label>
          <label>
            发布链接
            <input name="url" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} placeholder="https://mp.weixin.qq.com/s/…" required />
          </label>
          <label>
            发布时间（北京时间，留空表示现在）
            <input
              name="publishedAt"
              value={form.publishedAt}
              placeholder={`如 ${COUNTY_TIME_EXAMPLE}`}
              aria-describedby="published-at-format"
              onChange={(e) => setForm({ ...form, publishedAt: e.target.value })}
            />
            <span id="published-at-format" className="muted small">
              按“年/月/日 时:分”填写，与本系统显示时间的写法相同，如 {COUNTY_TIME_EXAMPLE} 或 2026-03-02 09:30:15
            </span>
          </label>
          <label className="inline">
            <input type="checkbox" checked={form.kind === 'closing_notice'} onChange={(e) => setForm({ ...form, kind: e.target.checked ? 'closing_notice' : 'post' })} /> 这是停更公告（账号注销或关停前须发布）
          </label>
          <label>
            平台上的标题（可选）
            <input name="platformTitle" value={form.platformTitle} onChange={(e) => setForm({ ...form, platformTitle: e.target.value })} />
          </label>
          <label>
            平台上的正文（建议从平台复制粘贴，系统会与审核通过的版本逐字核对，空白不计）
            <textarea name="platformText" rows={8} value={form.platformText} onChange={(e) => setForm({ ...form, platformText: e.target.value })} />
          </label>
          <ErrorNote message={error} />
          {saved ? <div className="success" role="status">{saved}</div> : null}
          {comparison?.identical ? <div className="success" role="status">平台上的文本与审核通过的版本一致。</div> : null}
          <TextDifferences label="标题" comparison={comparison?.title ?? null} />
          <TextDifferences label="正文" comparison={comparison?.body ?? null} />
          <div className="actions">
            <button type="button" onClick={() => void compare()} disabled={!form.platformText || !publishable}>
              核对文本
            </button>
            <button type="submit" className="primary" disabled={busy || !publishable || !open.length}>
              {busy ? '正在登记…' : '登记发布'}
            </button>
          </div>
        </form>
        <aside className="card side-column">
          <h2>已登记的发布</h2>
          {records.data?.items.length ? (
            <ul className="links" data-testid="publications">
              {records.data.items.map((p) => (
                <li key={p.id}>
                  {p.accountName ?? names.get(p.accountId)} · {timeText(p.publishedAt)} · {p.kindLabel}
                  {p.textChecked ? ' · 已核对文本' : ''}
                  <br />
                  <a href={p.url} target="_blank" rel="noopener noreferrer nofollow">
                    {p.url}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">还没有登记。</p>
          )}
        </aside>
      </div>
    </section>
  );
}
