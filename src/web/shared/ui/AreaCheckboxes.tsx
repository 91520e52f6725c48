import { useAreas } from '../api/reference';
import { useMlString } from './MlText';

/** The areas of cooperation as checkboxes, for the forms that pick some of them. */
export function AreaCheckboxes({ legend, chosen, onChange }: { legend: string; chosen: string[]; onChange(codes: string[]): void }) {
  const text = useMlString();
  const areas = useAreas().data?.items ?? [];
  return (
    <fieldset className="areas">
      <legend>{legend}</legend>
      {areas.map((a) => (
        <label key={a.code} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(a.code)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, a.code] : chosen.filter((c) => c !== a.code))}
          />{' '}
          {text(a.name)}
        </label>
      ))}
    </fieldset>
  );
}
