import { Link } from 'react-router';
import type { Area } from '../../../shared/schemas/reference';
import { MlText } from './MlText';

/** Areas of cooperation as links to the directory filtered by each. */
export function AreaChips({ id, title, areas }: { id: string; title: string; areas: Pick<Area, 'code' | 'name'>[] }) {
  if (areas.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="chips">
        {areas.map((a) => (
          <li key={a.code}>
            <Link to={`/organisations?area=${a.code}`}>
              <MlText value={a.name} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
