import type { PageFault } from './types.ts';

/**
 * Applies a page fault to the index where a list page starts: `repeat` serves the previous page
 * again, `skip` jumps over one page. Both fake servers' pagination calls this so the fault
 * behaves the same whatever the cursor format.
 */
export function shiftPageStart(start: number, pageSize: number, fault: PageFault | undefined): number {
  if (fault === 'repeat') return Math.max(0, start - pageSize);
  if (fault === 'skip') return start + pageSize;
  return start;
}
