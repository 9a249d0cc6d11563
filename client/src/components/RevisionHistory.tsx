import { useState } from 'react';
import { get, messageOf } from '../lib/api';
import { timeText } from '../lib/labels';
import { ErrorNote } from './Badges';
import { DiffView, RevisionDiff } from './DiffView';

/** The revisions of a draft; each earlier one can be compared with the current. */
export function RevisionHistory({ draftId, revisions, current }: { draftId: number; revisions: Array<{ number: number; title: string; createdAt: string }>; current: number }) {
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const compare = async (from: number) => {
    try {
      setDiff(await get<RevisionDiff>(`/api/drafts/${draftId}/diff?from=${from}&to=${current}`));
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
              <button type="button" className="small" onClick={() => void compare(revision.number)}>
                与当前版本比较
              </button>
            ) : (
              <span className="muted small">（当前版本）</span>
            )}
          </li>
        ))}
      </ol>
      <ErrorNote message={error} />
      {diff ? <DiffView diff={diff} /> : null}
    </div>
  );
}
