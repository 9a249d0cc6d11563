import { levelLabel, STATUS_LABELS } from '../lib/labels';
import type { DraftStatus } from '../lib/types';

/** Where the draft stands in the flow: 机器预审 → 初审 → 复审 → 终审 → 通过. */
export function ProgressSteps({ status, level, levels }: { status: DraftStatus; level: number | null; levels: number }) {
  const steps = ['机器预审', ...Array.from({ length: levels }, (_, i) => levelLabel(i + 1)), '审核通过'];
  const current =
    status === 'screening' ? 0 : status === 'in_review' ? (level ?? 1) : status === 'approved' || status === 'published' ? steps.length - 1 : -1;
  return (
    <div className="steps" data-testid="progress-steps" data-status={status} data-level={level ?? ''}>
      {steps.map((step, index) => (
        <span key={step} className={`step${index < current ? ' done' : ''}${index === current ? ' current' : ''}`}>
          {step}
        </span>
      ))}
      {current === -1 ? <span className={`step stopped status-${status}`}>{STATUS_LABELS[status]}</span> : null}
    </div>
  );
}
