import type { Mappings } from '../../../../shared/settings/mapping-edits.ts';
import { MAPPING_KIND_WORDS } from '../../../../shared/settings/mapping-edits.ts';
import { MapButton } from '../../components/MapButton.tsx';
import type { AttentionItem } from '../../lib/home-attention.ts';
import { SYSTEM_NAMES } from '../../lib/mapping-choice.ts';

/** How many values of one item get their own Map… on Home; the rest are mapped from Setup or where they are shown. */
const MAPPED_ON_HOME = 5;

/** Props of a card's attention list. */
export interface AttentionListProps {
  items: readonly AttentionItem[];
  titleId: string;
  /** Follow an item's action (switching profile first when the card is not the selected one). */
  onAction: (item: AttentionItem) => void;
  /** Said when nothing needs attention. */
  allClear: string;
  /** The card's profile, whose unmapped values Map… maps. */
  profileId: string;
  /** The profile's saved mappings (a value mapped since shows its counterpart). */
  mappings: Mappings | null;
}

/** An item's unmapped values, each with Map…. */
function ItemValues({ item, profileId, mappings }: { item: AttentionItem; profileId: string; mappings: Mappings | null }) {
  const values = item.values ?? [];
  const more = values.length - MAPPED_ON_HOME;
  return (
    <ul className="attention-values" aria-label="Unmapped values">
      {values.slice(0, MAPPED_ON_HOME).map((value) => (
        <li key={`${value.from}:${value.kind}:${value.value}`}>
          <span className="attention-value">
            {SYSTEM_NAMES[value.from]} {MAPPING_KIND_WORDS[value.kind]} <code>{value.value}</code>
          </span>
          <MapButton profileId={profileId} value={value} mappings={mappings} />
        </li>
      ))}
      {more > 0 && <li className="field-hint">and {more} more, in Setup</li>}
    </ul>
  );
}

/** What needs doing for a profile, failures first, each with the action that fixes it; or a line saying all is well. */
export function AttentionList({ items, titleId, onAction, allClear, profileId, mappings }: AttentionListProps) {
  if (items.length === 0) return <p className="advice-ok attention-clear">{allClear}</p>;
  return (
    <section className="attention" aria-labelledby={titleId} data-testid="attention">
      <h3 id={titleId} className="card-section-title">
        Needs attention ({items.length})
      </h3>
      <ul className="attention-list">
        {items.map((item) => (
          <li key={item.text} className={`attention-item attention-${item.tone}`}>
            <span className={`dot dot-tone-${item.tone}`} role="img" aria-label={item.tone === 'fail' ? 'Problem' : 'Warning'} />
            <span className="attention-text">
              {item.text}
              {item.values && <ItemValues item={item} profileId={profileId} mappings={mappings} />}
            </span>
            <button type="button" className="link-button attention-action" onClick={() => onAction(item)}>
              {item.action}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
