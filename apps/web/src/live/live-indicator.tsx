import { useLiveState } from './live-updates';

const SHOWN = {
  connecting: { label: 'Connecting…', title: 'Opening the live connection' },
  connected: { label: 'Live', title: 'Pages update as soon as something changes' },
  reconnecting: { label: 'Reconnecting…', title: 'The live connection dropped: what changes meanwhile shows once it is back' },
} as const;

/** The live connection's state in the header, in words (not colour alone), announced when it changes. */
export function LiveIndicator() {
  const state = useLiveState();
  if (state === 'off') return null;
  const { label, title } = SHOWN[state];
  return (
    <span role="status" className={`live-indicator live-${state}`} title={title}>
      <span className="live-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
