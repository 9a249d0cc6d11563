import { categoryLabel, CHECKER_LABELS, FIELD_LABELS } from '../lib/labels';
import type { Finding } from '../lib/types';
import { SeverityBadge } from './Badges';

interface Props {
  findings: Finding[];
  /** Clicking a finding: jump to it in the text. */
  onSelect?: (index: number) => void;
  /** When given, findings with a suggestion get a button that applies it. */
  onApply?: (index: number) => void;
  selected?: number | null;
}

/** The machine's findings: checker, severity, what it matched, why, and what to write instead. */
export function FindingList({ findings, onSelect, onApply, selected }: Props) {
  if (!findings.length) return <p className="muted">机器预审未发现问题。</p>;
  return (
    <ol className="findings" aria-label="机器预审发现的问题">
      {findings.map((finding, index) => (
        <li
          key={`${finding.field}-${finding.start}-${finding.checker}-${index}`}
          className={`finding-item severity-${finding.severity}${selected === index ? ' selected' : ''}`}
          data-finding-item={index}
        >
          <button type="button" className="finding-jump" onClick={() => onSelect?.(index)} title="在正文中定位">
            <SeverityBadge severity={finding.severity} />
            <span className="checker">{CHECKER_LABELS[finding.checker] ?? finding.checker}</span>
            {finding.category ? <span className="category">{categoryLabel(finding.category)}</span> : null}
            {/* The system's own finding (the pre-screen could not run) points at no text. */}
            {finding.text ? (
              <>
                <span className="matched">「{finding.text}」</span>
                <span className="field">{FIELD_LABELS[finding.field] ?? finding.field}</span>
              </>
            ) : null}
          </button>
          {finding.reason ? <div className="reason">{finding.reason}</div> : null}
          {finding.suggestion ? (
            <div className="suggestion">
              建议：<strong>{finding.suggestion}</strong>
              {onApply ? (
                <button type="button" className="small" onClick={() => onApply(index)}>
                  采用建议
                </button>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
