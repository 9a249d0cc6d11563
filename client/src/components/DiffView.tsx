import type { DiffPart } from '../lib/types';

/** Removed text struck through in red, added text underlined in green. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  if (!parts.length) return <span className="muted">（空）</span>;
  return (
    <span className="diff">
      {parts.map((part, i) =>
        part.kind === 'added' ? (
          <ins key={i}>{part.text}</ins>
        ) : part.kind === 'removed' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  );
}

export interface RevisionDiff {
  from: number;
  to: number;
  title: DiffPart[];
  body: DiffPart[];
  source: DiffPart[];
  approximate: boolean;
}

export function DiffView({ diff }: { diff: RevisionDiff }) {
  const unchanged = [...diff.title, ...diff.body, ...diff.source].every((p) => p.kind === 'same');
  return (
    <div className="diff-view" data-testid="diff-view">
      <p className="muted">
        第 {diff.from} 版 → 第 {diff.to} 版{unchanged ? '：内容没有变化' : ''}
        {diff.approximate ? '（改动过多，仅显示前后全文）' : ''}
      </p>
      <h4>标题</h4>
      <p>
        <DiffText parts={diff.title} />
      </p>
      <h4>正文</h4>
      <div className="diff-body">
        <DiffText parts={diff.body} />
      </div>
      <h4>来源</h4>
      <p>
        <DiffText parts={diff.source} />
      </p>
    </div>
  );
}
