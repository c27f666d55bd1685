import { useState } from 'react';

/**
 * Copies `text`; says so for a moment (and to screen readers). `subject` completes the button's name for
 * assistive technology ("Copy" + "Python (transformers)") without widening the button on screen.
 */
export function CopyButton({ text, label = 'Copy', subject }: { text: string; label?: string; subject?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" className="button-secondary button-small" onClick={() => void copy()} aria-live="polite">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text' : label}
      {subject && <span className="visually-hidden"> {subject}</span>}
    </button>
  );
}
