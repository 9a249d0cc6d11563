import { displayValue, FieldSpec, TableSpec } from '../lib/ruleSpecs';

/** A release entry the admin deleted, which a merge of the release's defaults left out (the server's DeletedEntry). */
export interface DeletedEntry {
  key: string;
  entry: string;
  /** The release's fields and `enabled`, as restoring adds it. */
  release: Record<string, unknown>;
}

/** 「级别：需审核」, one per field the release gives a value, then its state. */
function releaseText(spec: TableSpec, deleted: DeletedEntry): string[] {
  const fields = spec.fields.filter((field: FieldSpec) => field.name !== spec.keyField && deleted.release[field.name] !== null && deleted.release[field.name] !== undefined);
  return [...fields.map((field) => `${field.label}：${displayValue(field, deleted.release[field.name])}`), deleted.release.enabled === false ? '本版本为停用' : '本版本为启用'];
}

/**
 * The release's entries the admin deleted: a merge does not bring them back, so that a default
 * deleted for its false alarms stays deleted. Each can be restored as the release has it, after
 * which it follows the releases again.
 */
export function DeletedEntries({ spec, deleted, total, onRestore }: { spec: TableSpec; deleted: DeletedEntry[]; total: number; onRestore(deleted: DeletedEntry): void }) {
  return (
    <div className="banner changed" data-testid="deleted-entries">
      <p>
        以下 {total} 条本版本默认曾被管理员删除，合并没有加回{total > deleted.length ? `（只列出前 ${deleted.length} 条）` : ''}。保持删除无需操作；恢复后按本版本的写法加入，今后随版本更新。
      </p>
      <table className="list compact">
        <thead>
          <tr>
            <th>条目</th>
            <th>本版本的写法</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {deleted.map((item) => (
            <tr key={item.key} data-deleted={item.entry}>
              <td>{item.entry}</td>
              <td>
                {releaseText(spec, item).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </td>
              <td>
                <button type="button" className="small" onClick={() => onRestore(item)}>
                  恢复本版本默认
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
