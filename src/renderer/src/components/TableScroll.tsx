import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';

/** Which sides of a scrolling table have columns out of view. */
interface Hidden {
  start: boolean;
  end: boolean;
}

/**
 * A wide table's frame: in a narrow window the table scrolls sideways inside it (never the page), with a shade on the
 * side that has more columns, a hint above, and keyboard scrolling (the region is focusable while it scrolls).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<Hidden>({ start: false, end: false });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const max = element.scrollWidth - element.clientWidth;
      const next = { start: max > 1 && element.scrollLeft > 1, end: max > 1 && element.scrollLeft < max - 1 };
      setHidden((before) => (before.start === next.start && before.end === next.end ? before : next));
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => {
      element.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);

  const scrolls = hidden.start || hidden.end;
  return (
    <>
      {scrolls && (
        <p className="table-scroll-hint" aria-hidden="true">
          Scroll sideways for more columns {hidden.end ? '→' : '←'}
        </p>
      )}
      <div className="table-frame" data-hidden-start={hidden.start || undefined} data-hidden-end={hidden.end || undefined}>
        <div ref={ref} className="table-scroll" role="region" aria-label={label} tabIndex={scrolls ? 0 : undefined}>
          {children}
        </div>
      </div>
    </>
  );
}
