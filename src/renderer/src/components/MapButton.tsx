import type { MappableValue } from '../../../shared/api/mapping-views.ts';
import type { Mappings } from '../../../shared/settings/mapping-edits.ts';
import { mapButtonLabel, mappedNow } from '../lib/mapping-choice.ts';
import { useMapStore } from '../stores/useMapStore.ts';

/** Props of a Map… button. */
export interface MapButtonProps {
  profileId: string;
  value: MappableValue;
  /** The profile's saved mappings: a value they map now shows its counterpart instead of the button. */
  mappings: Mappings | null;
  /** What to do once the mapping is stored (Reconcile plans again). */
  onSaved?: () => void;
}

/** Map… beside an unmapped value: opens the Map dialog; once mapped, says to what. */
export function MapButton({ profileId, value, mappings, onSaved }: MapButtonProps) {
  const now = mappings ? mappedNow(mappings, value) : null;
  if (now !== null)
    return (
      <span className="mapped-note" data-testid="mapped-note">
        “{value.value}” is mapped to “{now}”
      </span>
    );
  return (
    <button
      type="button"
      className="button button-small map-button"
      aria-label={mapButtonLabel(value)}
      title={mapButtonLabel(value)}
      onClick={() => void useMapStore.getState().open(profileId, value, onSaved)}
    >
      Map…
    </button>
  );
}
