/**
 * Keeps a focused control clear of a sticky save bar: the scrolling content area gets a bottom
 * scroll padding as tall as the bar (which grows when it shows an error), so the browser scrolls a
 * control focused by Tab above the bar instead of under it.
 */
import type { RefObject } from 'react';
import { useEffect } from 'react';

/** Pads the bar's scrolling ancestor by the bar's height (plus a little air) while the bar is shown (`shown`: it is rendered). */
export function useSavebarPadding(bar: RefObject<HTMLElement | null>, shown: boolean): void {
  useEffect(() => {
    const element = bar.current;
    const scroller = element?.closest<HTMLElement>('.content');
    if (!element || !scroller) return undefined;
    const apply = () => {
      scroller.style.scrollPaddingBottom = `${Math.ceil(element.getBoundingClientRect().height) + 12}px`;
    };
    apply();
    const observer = new ResizeObserver(apply);
    observer.observe(element);
    return () => {
      observer.disconnect();
      scroller.style.scrollPaddingBottom = '';
    };
  }, [bar, shown]);
}
