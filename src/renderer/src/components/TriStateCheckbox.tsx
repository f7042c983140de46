import { useEffect, useRef } from 'react';

/** Props of a checkbox that can also show "some selected". */
export interface TriStateCheckboxProps {
  label: string;
  selected: number;
  total: number;
  onChange: (on: boolean) => void;
  disabled?: boolean;
}

/** A checkbox for a group: checked when all are selected, mixed when some are; a click selects all or none. */
export function TriStateCheckbox({ label, selected, total, onChange, disabled }: TriStateCheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  const all = total > 0 && selected === total;
  const some = selected > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="checkbox"
      aria-label={label}
      checked={all}
      disabled={disabled || total === 0}
      onChange={() => onChange(!all)}
    />
  );
}
