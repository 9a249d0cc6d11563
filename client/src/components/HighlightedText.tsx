import { useEffect, useRef } from 'react';
import { markFindings } from '../lib/highlight';
import { sanitizeHtml } from '../lib/sanitize';
import type { Finding } from '../lib/types';

interface Props {
  /** The draft body as stored (sanitised again here: never rendered raw). */
  html: string;
  /** The plain text the findings' offsets point into. */
  plain: string;
  findings: Finding[];
  selected?: number | null;
  onSelect?: (index: number) => void;
}

/** A body without any tag was written as plain text (through the API): its line breaks are its lines, as the server reads them. */
function hasMarkup(html: string): boolean {
  return /<[a-zA-Z!/?]/.test(html);
}

/** The body as it will be published, with every finding marked where it stands. */
export function HighlightedBody({ html, plain, findings, selected, onSelect }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    root.innerHTML = sanitizeHtml(html);
    markFindings(root, plain, findings);
  }, [html, plain, findings]);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    root.querySelectorAll('mark.current').forEach((m) => m.classList.remove('current'));
    if (selected === null || selected === undefined) return;
    const marks = root.querySelectorAll<HTMLElement>(`mark[data-findings~="${selected}"]`);
    marks.forEach((m) => m.classList.add('current'));
    marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selected, html, findings]);

  return (
    <div
      ref={ref}
      className={hasMarkup(html) ? 'draft-body' : 'draft-body plain-lines'}
      data-testid="draft-body"
      onClick={(event) => {
        const mark = (event.target as HTMLElement).closest('mark[data-findings]') as HTMLElement | null;
        if (!mark || !onSelect) return;
        // Where findings overlap, the first click takes the most severe, the next ones the others in turn.
        const covering = mark.dataset.findings!.split(' ').map(Number);
        const at = selected === null || selected === undefined ? -1 : covering.indexOf(selected);
        onSelect(at >= 0 ? covering[(at + 1) % covering.length]! : Number(mark.dataset.finding));
      }}
    />
  );
}

/** A plain-text field (the title, the source's name or address) with its findings marked; the selected one outlined. */
export function HighlightedPlain({ text, findings, field, selected }: { text: string; findings: Finding[]; field: string; selected?: number | null }) {
  const chars = Array.from(text);
  const marks = findings.map((f, i) => ({ ...f, index: i })).filter((f) => f.field === field).sort((a, b) => a.start - b.start);
  const parts: Array<{ text: string; finding?: (typeof marks)[number] }> = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) parts.push({ text: chars.slice(at, mark.start).join('') });
    parts.push({ text: chars.slice(mark.start, mark.end).join(''), finding: mark });
    at = mark.end;
  }
  if (at < chars.length) parts.push({ text: chars.slice(at).join('') });
  return (
    <>
      {parts.map((part, i) =>
        part.finding ? (
          <mark
            key={i}
            className={`finding finding-${part.finding.severity}${part.finding.index === selected ? ' current' : ''}`}
            data-finding={part.finding.index}
          >
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
