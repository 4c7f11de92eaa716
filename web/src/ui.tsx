import type { CombinedError } from 'urql';
import type { ReactNode } from 'react';

/** Small shared pieces: error and status messages, score bars, links. */
export function ErrorMessage({ error }: { error?: CombinedError | Error | string | null }) {
  if (!error) return null;
  let text: string;
  if (typeof error === 'string') text = error;
  else if ('graphQLErrors' in error && error.graphQLErrors.length) {
    text = error.graphQLErrors.map((e) => `${e.message}${e.extensions?.code ? ` (${String(e.extensions.code)})` : ''}`).join('; ');
  } else text = error.message;
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="muted">
      Loading {what}…
    </p>
  );
}

export function ScoreBar({ value, label }: { value: number; label: string }) {
  const v = Math.max(0, Math.min(1, value));
  return (
    <span className="score">
      <span className="bar" aria-hidden="true">
        <span style={{ width: `${Math.round(v * 100)}%` }} />
      </span>
      <span aria-label={`${label} ${Math.round(v * 100)} percent`}>{v.toFixed(2)}</span>
    </span>
  );
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a href={`#${to}`} className={className}>
      {children}
    </a>
  );
}

export function navigate(to: string): void {
  window.location.hash = to;
}

export const date = (iso?: string | null): string => (iso ? iso.slice(0, 10) : '—');
