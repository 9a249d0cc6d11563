import { useEffect, useRef } from 'react';
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

/**
 * A refusal where it happened. `reveal`: the note sits above a long list whose rows act, so a row
 * far down would fail with its reason off screen; such a note brings itself into view when it
 * appears (not otherwise: a page does not jump while someone types).
 */
export function ErrorNote({ message, reveal = false }: { message: string | null; reveal?: boolean }) {
  const note = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reveal && message) note.current?.scrollIntoView({ block: 'nearest' });
  }, [reveal, message]);
  if (!message) return null;
  return (
    <div className="error" role="alert" ref={note}>
      {message}
    </div>
  );
}
