import { ReactNode, useId, useState } from 'react';

/**
 * A button for something that cannot be undone (delete, disable, suspend): the first click asks in
 * the page, the second one does it. An in-page question rather than window.confirm, so that it
 * reads like the rest of the console and says exactly what will happen. A page that also asks by
 * other means (a keyboard shortcut) passes `asking` and `onAskingChange` to hold the question itself.
 * A button that waits for something typed first (a reason) says so beside it (`needs`), rather than
 * sitting greyed out with nothing saying why.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel = '确认',
  onConfirm,
  danger = true,
  disabled = false,
  needs = null,
  className = 'small',
  asking: heldAsking,
  onAskingChange,
}: {
  label: ReactNode;
  question: ReactNode;
  confirmLabel?: string;
  onConfirm(): void | Promise<void>;
  danger?: boolean;
  disabled?: boolean;
  /** What must be done before the button can be used (请先填写…): while set, the button is disabled and this is shown beside it. */
  needs?: string | null;
  className?: string;
  asking?: boolean;
  onAskingChange?(asking: boolean): void;
}) {
  const [ownAsking, setOwnAsking] = useState(false);
  const asking = heldAsking ?? ownAsking;
  const setAsking = onAskingChange ?? setOwnAsking;
  const [busy, setBusy] = useState(false);
  const needsId = useId();
  if (!asking) {
    return (
      <>
        <button type="button" className={`${className}${danger ? ' danger' : ''}`} disabled={disabled || Boolean(needs)} aria-describedby={needs ? needsId : undefined} onClick={() => setAsking(true)}>
          {label}
        </button>
        {needs ? (
          <span id={needsId} className="muted small button-needs">
            {needs}
          </span>
        ) : null}
      </>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="请确认">
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className={`${className} ${danger ? 'danger' : 'primary'}`}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={className} disabled={busy} onClick={() => setAsking(false)}>
        取消
      </button>
    </span>
  );
}
