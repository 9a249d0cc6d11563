import { useState } from 'react';
import { get, messageOf } from '../lib/api';
import { timeText, VERDICT_LABELS } from '../lib/labels';
import type { Finding, Texts, Verdict } from '../lib/types';
import { ErrorNote } from './Badges';
import { DiffView, RevisionDiff } from './DiffView';
import { FindingList } from './FindingList';
import { HighlightedBody } from './HighlightedText';

interface RevisionContent {
  number: number;
  title: string;
  body: string;
  text: Texts;
  verdict: Verdict | null;
  findings: Finding[];
}

/** The revisions of a draft: each earlier one can be read as it was submitted, or compared with the current one. */
export function RevisionHistory({ draftId, revisions, current }: { draftId: number; revisions: Array<{ number: number; title: string; createdAt: string }>; current: number }) {
  const [shown, setShown] = useState<{ diff: RevisionDiff } | { revision: RevisionContent } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (what: () => Promise<typeof shown>) => {
    try {
      setError(null);
      setShown(await what());
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <div>
      <ol className="revisions" data-testid="revisions">
        {revisions.map((revision) => (
          <li key={revision.number}>
            第 {revision.number} 版 · {revision.title} <span className="muted small">{timeText(revision.createdAt)}</span>
            {revision.number !== current ? (
              <>
                <button type="button" className="small" onClick={() => void load(async () => ({ revision: await get<RevisionContent>(`/api/drafts/${draftId}/revisions/${revision.number}`) }))}>
                  查看
                </button>
                <button type="button" className="small" onClick={() => void load(async () => ({ diff: await get<RevisionDiff>(`/api/drafts/${draftId}/diff?from=${revision.number}&to=${current}`) }))}>
                  与当前版本比较
                </button>
              </>
            ) : (
              <span className="muted small">（当前版本）</span>
            )}
          </li>
        ))}
      </ol>
      <ErrorNote message={error} />
      {shown && 'diff' in shown ? <DiffView diff={shown.diff} /> : null}
      {shown && 'revision' in shown ? (
        <div className="earlier-revision" data-testid="earlier-revision">
          <h3>
            第 {shown.revision.number} 版：{shown.revision.title}
            {shown.revision.verdict ? <span className="muted small">（{VERDICT_LABELS[shown.revision.verdict]}）</span> : null}
          </h3>
          <HighlightedBody html={shown.revision.body} plain={shown.revision.text.body} findings={shown.revision.findings} />
          <FindingList findings={shown.revision.findings} />
        </div>
      ) : null}
    </div>
  );
}
