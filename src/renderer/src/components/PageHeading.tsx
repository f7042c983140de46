import { useEffect, useRef } from 'react';
import type { Route } from '../lib/routes.ts';
import { ROUTE_LABELS } from '../lib/routes.ts';

/**
 * The page's title (the one h1). After a navigation (not on first load) it takes the focus, so a
 * keyboard or screen-reader user starts on the new page instead of on the link they left; focus
 * inside an open dialog stays where it is.
 */
export function PageHeading({ route }: { route: Route }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<Route | null>(null);
  useEffect(() => {
    const first = shown.current === null;
    shown.current = route;
    if (first || document.activeElement?.closest('[role="dialog"], dialog')) return;
    heading.current?.focus({ preventScroll: true });
  }, [route]);
  return (
    <h1 ref={heading} className="topbar-title" tabIndex={-1} data-testid="page-heading">
      {ROUTE_LABELS[route]}
    </h1>
  );
}
