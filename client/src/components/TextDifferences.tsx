import type { TextComparison } from '../lib/types';

const KIND_LABELS = { missing: '平台上缺少', extra: '平台上多出', changed: '平台上改成了' };

/** Where the platform's text differs from the approved revision: each place with the text just before it. */
export function TextDifferences({ label, comparison }: { label: string; comparison: TextComparison | null }) {
  if (!comparison || comparison.identical) return null;
  return (
    <div className="differences" data-testid="text-differences">
      <h3>{label}与审核通过的版本不一致</h3>
      {comparison.tooDifferent ? (
        <p>两段文字相差太大，无法逐处列出：请确认粘贴的是这篇稿件在平台上的全文。</p>
      ) : (
        <ol className="diff">
          {comparison.differences.map((d, index) => (
            <li key={index}>
              <span className="muted">…{d.context}</span>
              {d.approved ? <del title="审核通过的版本">{d.approved}</del> : null}
              {d.platform ? <ins title="平台上的文本">{d.platform}</ins> : null}
              <span className="muted small">（{KIND_LABELS[d.kind]}{d.kind === 'changed' ? `“${d.platform}”，原为“${d.approved}”` : `“${d.approved || d.platform}”`}）</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
