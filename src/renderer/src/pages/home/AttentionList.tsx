import type { AttentionItem } from '../../lib/home-attention.ts';

/** Props of a card's attention list. */
export interface AttentionListProps {
  items: readonly AttentionItem[];
  titleId: string;
  /** Follow an item's action (switching profile first when the card is not the selected one). */
  onAction: (item: AttentionItem) => void;
  /** Said when nothing needs attention. */
  allClear: string;
}

/** What needs doing for a profile, failures first, each with the action that fixes it; or a line saying all is well. */
export function AttentionList({ items, titleId, onAction, allClear }: AttentionListProps) {
  if (items.length === 0) return <p className="advice-ok attention-clear">{allClear}</p>;
  return (
    <section className="attention" aria-labelledby={titleId} data-testid="attention">
      <h3 id={titleId} className="card-section-title">Needs attention ({items.length})</h3>
      <ul className="attention-list">
        {items.map((item) => (
          <li key={item.text} className={`attention-item attention-${item.tone}`}>
            <span className={`dot dot-tone-${item.tone}`} role="img" aria-label={item.tone === 'fail' ? 'Problem' : 'Warning'} />
            <span className="attention-text">{item.text}</span>
            <button type="button" className="link-button attention-action" onClick={() => onAction(item)}>
              {item.action}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
