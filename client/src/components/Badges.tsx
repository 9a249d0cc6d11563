import { SEVERITY_LABELS, statusText, VERDICT_LABELS } from '../lib/labels';
import type { DraftStatus, Severity, Verdict } from '../lib/types';

export function StatusBadge({ status, level }: { status: DraftStatus; level: number | null }) {
  return <span className={`badge status-${status}`}>{statusText(status, level)}</span>;
}

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <span className="badge verdict-none">待预审</span>;
  return <span className={`badge verdict-${verdict}`}>{VERDICT_LABELS[verdict]}</span>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge severity-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="error" role="alert">
      {message}
    </div>
  );
}
