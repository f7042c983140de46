import type { Attention } from '../lib/attention.ts';

const LABELS: Record<Exclude<Attention, 'none'>, string> = { ok: 'all set', warn: 'needs attention', fail: 'needs fixing' };

/** A green, amber or red dot beside a section name; says its meaning to screen readers too. */
export function StatusDot({ attention }: { attention: Attention }) {
  if (attention === 'none') return null;
  return <span className={`dot dot-${attention}`} role="img" aria-label={LABELS[attention]} title={LABELS[attention]} />;
}
