import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, get, messageOf, post, put } from '../lib/api';
import { applySuggestion, replaceCodePoints } from '../lib/highlight';
import { statusText, VERDICT_LABELS } from '../lib/labels';
import { useSession } from '../lib/session';
import type { Draft, ScreeningAnswer } from '../lib/types';
import { useNormalAccounts } from '../lib/useNormalAccounts';
import { forgetUnsentDraft, keepUnsentDraft, readUnsentDraft, UnsentDraft } from '../lib/unsentDraft';
import { ErrorNote } from '../components/Badges';
import { FindingList } from '../components/FindingList';
import { HighlightedBody, HighlightedPlain } from '../components/HighlightedText';
import { RichEditor, RichEditorHandle } from '../components/RichEditor';

/** Writing a new draft, or revising a returned one: pre-check, apply suggestions, submit. */
export function DraftEditorPage() {
  const params = useParams();
  const draftId = params.id ? Number(params.id) : null;
  const navigate = useNavigate();
  const editor = useRef<RichEditorHandle>(null);
  const accounts = useNormalAccounts();
  const userId = useSession().user?.id ?? 0;
  // A new draft starts from what was typed before the session ended, if anything was.
  const [unsentNew] = useState(() => (draftId === null ? readUnsentDraft(userId, null) : null));

  const [loaded, setLoaded] = useState(draftId === null);
  const [initialHtml, setInitialHtml] = useState(unsentNew?.body ?? '');
  const [title, setTitle] = useState(unsentNew?.title ?? '');
  const [html, setHtml] = useState(unsentNew?.body ?? '');
  const [sourceType, setSourceType] = useState<'original' | 'repost'>(unsentNew?.sourceType ?? 'original');
  const [sourceName, setSourceName] = useState(unsentNew?.sourceName ?? '');
  const [sourceUrl, setSourceUrl] = useState(unsentNew?.sourceUrl ?? '');
  const [accountIds, setAccountIds] = useState<number[]>(unsentNew?.accountIds ?? []);
  // A revision's note to the reviewers: the reason when the draft goes back unchanged.
  const [note, setNote] = useState('');
  const [restored, setRestored] = useState(unsentNew !== null);
  // The content as the server has it (empty for a new draft): a copy is kept only when it differs.
  const [saved, setSaved] = useState<UnsentDraft | null>(draftId === null ? { revision: null, title: '', body: '', sourceType: 'original', sourceName: '', sourceUrl: '', accountIds: [] } : null);
  // `origin` tells the findings of the revision the machine returned apart from a fresh pre-check.
  const [check, setCheck] = useState<{ answer: ScreeningAnswer; html: string; title: string; origin: 'screening' | 'precheck' } | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'submit' | null>(null);
  // Only a returned draft takes a new revision (e.g. this page reached again with the Back button).
  const [locked, setLocked] = useState<string | null>(null);

  useEffect(() => {
    if (draftId === null) return;
    get<Draft>(`/api/drafts/${draftId}`)
      .then((draft) => {
        if (draft.status !== 'returned') {
          setLocked(statusText(draft.status, draft.level));
          return;
        }
        const stored: UnsentDraft = {
          revision: draft.revision,
          title: draft.title,
          body: draft.body,
          sourceType: draft.sourceType,
          sourceName: draft.sourceName ?? '',
          sourceUrl: draft.sourceUrl ?? '',
          accountIds: draft.accountIds,
        };
        // A copy written against an older revision is stale: someone submitted since.
        const unsent = readUnsentDraft(userId, draftId);
        const start = unsent && unsent.revision === draft.revision ? unsent : stored;
        setSaved(stored);
        setRestored(start !== stored);
        setTitle(start.title);
        setInitialHtml(start.body);
        setHtml(start.body);
        setSourceType(start.sourceType);
        setSourceName(start.sourceName);
        setSourceUrl(start.sourceUrl);
        setAccountIds(start.accountIds);
        setCheck({ answer: { verdict: draft.verdict ?? 'pass', findings: draft.findings, text: draft.text }, html: draft.body, title: draft.title, origin: 'screening' });
        setLoaded(true);
      })
      .catch((caught) => setError(messageOf(caught)));
  }, [draftId, userId]);

  // Every change is kept in the tab until it is submitted, so that an ended session loses nothing.
  useEffect(() => {
    if (!saved) return;
    const current: UnsentDraft = { revision: saved.revision, title, body: html, sourceType, sourceName, sourceUrl, accountIds };
    if (JSON.stringify(current) === JSON.stringify(saved)) forgetUnsentDraft(userId, draftId);
    else keepUnsentDraft(userId, draftId, current);
  }, [saved, title, html, sourceType, sourceName, sourceUrl, accountIds, userId, draftId]);

  const content = (bodyHtml = editor.current?.html() ?? html, draftTitle = title) => ({
    title: draftTitle,
    body: bodyHtml,
    sourceType,
    sourceName: sourceType === 'repost' ? sourceName || null : null,
    sourceUrl: sourceType === 'repost' ? sourceUrl || null : null,
    ...(accounts ? { accountIds } : {}),
  });

  const precheck = async (bodyHtml?: string, draftTitle?: string) => {
    setBusy('check');
    setError(null);
    try {
      const body = content(bodyHtml, draftTitle);
      const answer = await post<ScreeningAnswer>('/api/screen', body);
      setCheck({ answer, html: body.body, title: body.title, origin: 'precheck' });
      setSelected(null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  };

  const apply = (index: number) => {
    if (!check) return;
    const finding = check.answer.findings[index]!;
    const suggestion = finding.suggestion ?? '';
    if (finding.field === 'title') {
      const next = replaceCodePoints(check.title, finding.start, finding.end, suggestion);
      setTitle(next);
      void precheck(undefined, next);
      return;
    }
    const root = editor.current?.root();
    if (finding.field !== 'body' || !root) return;
    if (!applySuggestion(root, check.answer.text.body, finding, suggestion)) {
      setError('正文在预检后已修改，找不到原文，请重新预检');
      return;
    }
    editor.current!.changed();
    void precheck(root.innerHTML);
  };

  // No target account is allowed (the draft may then go out on any 正常 account), but is asked about once.
  const [askingNoAccount, setAskingNoAccount] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (accounts?.length && !accountIds.length) setAskingNoAccount(true);
    else void send();
  };

  const send = async () => {
    setAskingNoAccount(false);
    setBusy('submit');
    setError(null);
    try {
      const answer =
        draftId === null
          ? await post<{ id: number }>('/api/drafts', content())
          : await put<{ id: number }>(`/api/drafts/${draftId}`, { ...content(), ...(note.trim() ? { note: note.trim() } : {}) });
      setSaved(null); // the page is left: no copy is written after this one is dropped
      forgetUnsentDraft(userId, draftId);
      navigate(`/drafts/${answer.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 409 ? `${caught.message}` : messageOf(caught));
      setBusy(null);
    }
  };

  if (locked) {
    return (
      <section>
        <div className="page-head">
          <h1>修改稿件并重新提交</h1>
        </div>
        <p className="warning" role="status" data-testid="not-editable">
          稿件当前状态为“{locked}”，只有被退回的稿件可以修改。 <Link to={`/drafts/${draftId}`}>查看稿件</Link>
        </p>
      </section>
    );
  }
  if (!loaded) return <ErrorNote message={error} />;
  const stale = check !== null && (check.html !== html || check.title !== title);

  return (
    <form className="editor-page" onSubmit={submit}>
      <div className="page-head">
        <h1>{draftId === null ? '写新稿件' : '修改稿件并重新提交'}</h1>
      </div>
      {restored ? (
        <div className="success" role="status" data-testid="restored-note">
          已恢复您上次没有提交的内容（例如登录超时前正在写的内容）。
          <button
            type="button"
            className="small"
            onClick={() => {
              forgetUnsentDraft(userId, draftId);
              window.location.reload();
            }}
          >
            放弃这些内容
          </button>
        </div>
      ) : null}
      <div className="columns">
        <div className="main-column card">
          <label>
            标题
            <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} required />
          </label>
          <div className="label">正文（可直接从 Word 或公众号编辑器粘贴，保留标题、加粗、列表、链接和图片）</div>
          <RichEditor ref={editor} initialHtml={initialHtml} onChange={setHtml} />
          <fieldset className="source">
            <legend>稿件类型</legend>
            <label className="inline">
              <input type="radio" name="sourceType" checked={sourceType === 'original'} onChange={() => setSourceType('original')} /> 原创
            </label>
            <label className="inline">
              <input type="radio" name="sourceType" checked={sourceType === 'repost'} onChange={() => setSourceType('repost')} /> 转载
            </label>
            {sourceType === 'repost' ? (
              <div className="source-fields">
                <label>
                  来源名称
                  <input name="sourceName" value={sourceName} onChange={(e) => setSourceName(e.target.value)} placeholder="如：新华社、县人民政府网" />
                </label>
                <label>
                  原文链接
                  <input name="sourceUrl" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} placeholder="https://" />
                </label>
              </div>
            ) : null}
          </fieldset>
          {accounts && accounts.length ? (
            <fieldset>
              <legend>发布账号</legend>
              {accounts.map((account) => (
                <label className="inline" key={account.id}>
                  <input
                    type="checkbox"
                    checked={accountIds.includes(account.id)}
                    onChange={(e) => {
                      setAskingNoAccount(false); // the question was about the accounts as they were
                      setAccountIds((ids) => (e.target.checked ? [...ids, account.id] : ids.filter((id) => id !== account.id)));
                    }}
                  />{' '}
                  {account.platformLabel ? `${account.platformLabel} · ` : ''}
                  {account.name}
                </label>
              ))}
            </fieldset>
          ) : accounts ? (
            <p className="muted small" data-testid="no-accounts">
              本单位还没有状态为“正常”的备案账号，稿件暂不能指定发布账号；可在“本单位账号”中提交开设申请。
            </p>
          ) : null}
          {draftId !== null ? (
            <label>
              修改说明（选填；未作修改时请写明理由）
              <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={3} />
            </label>
          ) : null}
          <ErrorNote message={error} />
          {askingNoAccount ? (
            <div className="confirm" role="group" aria-label="请确认" data-testid="no-account-question">
              <span className="confirm-question">没有勾选发布账号。通过后可在本单位任一状态为“正常”的账号登记发布。确定不指定发布账号就提交吗？</span>
              <button type="button" className="small primary" onClick={() => void send()}>
                不指定账号，提交审核
              </button>
              <button type="button" className="small" onClick={() => setAskingNoAccount(false)}>
                返回勾选
              </button>
            </div>
          ) : null}
          <div className="actions">
            <button type="button" onClick={() => void precheck()} disabled={busy !== null}>
              {busy === 'check' ? '正在预检…' : '预检'}
            </button>
            <button type="submit" className="primary" disabled={busy !== null}>
              {busy === 'submit' ? '正在提交…' : '提交审核'}
            </button>
          </div>
        </div>
        <aside className="side-column card" aria-label="预检结果">
          <h2>预检结果</h2>
          {!check ? <p className="muted">写好后点“预检”，机器会检查敏感词、转载来源、广告链接、涉密标识、个人信息和规范表述。</p> : null}
          {check ? (
            <>
              {check.origin === 'screening' ? <p className="muted small">以下是上次提交时机器预审的结果；修改后请重新预检。</p> : null}
              <p data-testid="precheck-verdict" data-origin={check.origin} className={`verdict verdict-${check.answer.verdict}`}>
                {VERDICT_LABELS[check.answer.verdict]} · 共 {check.answer.findings.length} 处
                {stale ? <span className="warning">（内容已修改，请重新预检）</span> : null}
              </p>
              <FindingList findings={check.answer.findings} selected={selected} onSelect={setSelected} onApply={apply} />
              <h3>标注预览</h3>
              <h4 className="preview-title">
                <HighlightedPlain text={check.answer.text.title} findings={check.answer.findings} field="title" />
              </h4>
              <HighlightedBody html={check.html} plain={check.answer.text.body} findings={check.answer.findings} selected={selected} onSelect={setSelected} />
            </>
          ) : null}
        </aside>
      </div>
    </form>
  );
}
