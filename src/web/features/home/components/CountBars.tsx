/** Counts as labelled bars; the numbers are text, so they read without the bars. */
export function CountBars({ title, counts }: { title: string; counts: { label: string; count: number }[] }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const shown = counts.filter((c) => c.count > 0);
  return (
    <figure className="count-bars">
      <figcaption>{title}</figcaption>
      <ul>
        {shown.map((c) => (
          <li key={c.label}>
            <span className="bar-label">{c.label}</span>
            <span className="bar" style={{ width: `${(c.count / max) * 100}%` }} aria-hidden="true" />
            <span className="bar-count">{c.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
