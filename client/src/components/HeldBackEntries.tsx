/** A release's wording rule that a merge brought in disabled (the server's HeldBackEntry). */
export interface HeldBackEntry {
  entry: string;
  overlaps: { id: number; entry: string };
}

/**
 * The release's rules that a merge brought in disabled because they would be in force on the same
 * days as an enabled rule of the admin's: nothing to press here, the admin decides which rule is
 * right, and the next merge enables the release's once the admin's is off or its period changed.
 */
export function HeldBackEntries({ heldBack, total }: { heldBack: HeldBackEntry[]; total: number }) {
  return (
    <div className="banner changed" data-testid="held-back-entries">
      <p>
        以下 {total} 条本版本默认与管理员启用的规则有效期重叠，已以停用状态引入{total > heldBack.length ? `（只列出前 ${heldBack.length} 条）` : ''}
        。如应以本版本为准，请停用或修改那条规则后再合并一次。
      </p>
      <table className="list compact">
        <thead>
          <tr>
            <th>本版本默认</th>
            <th>重叠的启用规则</th>
          </tr>
        </thead>
        <tbody>
          {heldBack.map((item) => (
            <tr key={item.entry} data-held-back={item.entry}>
              <td>{item.entry}</td>
              <td>
                编号 {item.overlaps.id}：{item.overlaps.entry}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
