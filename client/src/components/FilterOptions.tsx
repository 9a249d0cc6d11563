/** The options of a filter's select: 全部 (no filter), then every value with its label. */
export function FilterOptions({ labels }: { labels: Readonly<Record<string, string>> }) {
  return (
    <>
      <option value="">全部</option>
      {Object.entries(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
