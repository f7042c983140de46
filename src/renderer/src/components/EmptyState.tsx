import type { ReactNode } from 'react';

/** A teaching empty state: what will appear here, and how to get there. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
