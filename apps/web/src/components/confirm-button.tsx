import { useEffect, useRef, useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  /** Asked in place of the button, e.g. "Delete this webhook and its delivery log?" */
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
}

/** A button that asks before it acts, in the page rather than a browser dialog, keeping the focus where the eyes are. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, danger }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (answered.current) askRef.current?.focus();
  }, [asking]);

  const answer = (confirmed: boolean) => {
    answered.current = true;
    setAsking(false);
    if (confirmed) onConfirm();
  };

  if (!asking) {
    return (
      <button
        ref={askRef}
        type="button"
        className={danger ? 'button-danger' : 'button-secondary'}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button ref={confirmRef} type="button" className={danger ? 'button-danger' : ''} onClick={() => answer(true)}>
        {confirmLabel}
      </button>
      <button type="button" className="button-secondary" onClick={() => answer(false)}>
        Cancel
      </button>
    </span>
  );
}
