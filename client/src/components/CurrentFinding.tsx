import { categoryLabel, CHECKER_LABELS } from '../lib/labels';
import type { Finding } from '../lib/types';
import { SeverityBadge } from './Badges';

/**
 * The finding chosen with J/K or a click, held at the top of the window while the text scrolls
 * to its mark: on a laptop screen the list that explains it is often a screen away from the mark.
 */
export function CurrentFinding({ findings, selected, onClose }: { findings: Finding[]; selected: number | null; onClose(): void }) {
  const finding = selected === null ? undefined : findings[selected];
  if (!finding || selected === null) return null;
  return (
    <div className="current-finding" data-testid="current-finding" role="status">
      <div className="current-finding-head">
        <span className="muted small">
          第 {selected + 1} / {findings.length} 处
        </span>
        <SeverityBadge severity={finding.severity} />
        <span className="checker">{CHECKER_LABELS[finding.checker] ?? finding.checker}</span>
        {finding.category ? <span className="muted small">{categoryLabel(finding.category)}</span> : null}
        {finding.text ? <span className="matched">「{finding.text}」</span> : null}
        <span className="muted small">J/K 切换</span>
        <button type="button" className="small" onClick={onClose} aria-label="收起当前问题">
          收起
        </button>
      </div>
      {finding.reason ? <div className="reason">{finding.reason}</div> : null}
      {finding.suggestion ? (
        <div className="suggestion">
          建议：<strong>{finding.suggestion}</strong>
        </div>
      ) : null}
    </div>
  );
}
