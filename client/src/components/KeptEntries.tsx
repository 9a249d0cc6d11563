import { displayValue, FieldSpec, TableSpec } from '../lib/ruleSpecs';

/** An entry the admin changed that a merge of the release's defaults left as it was (the server's KeptEntry). */
export interface KeptEntry {
  id: number;
  entry: string;
  reason: 'changed' | 'withdrawn';
  differences: Record<string, { current: unknown; release: unknown }>;
}

const STATE_FIELD: FieldSpec = { name: 'enabled', label: '状态', type: 'text' };

function valueText(field: FieldSpec, value: unknown): string {
  if (field === STATE_FIELD) return value ? '启用' : '停用';
  return displayValue(field, value) || '（空）';
}

/** 「级别：现为 提示，本版本为 需审核」, one per field that differs. */
function differenceText(spec: TableSpec, kept: KeptEntry): string[] {
  return Object.entries(kept.differences).map(([name, { current, release }]) => {
    const field = name === 'enabled' ? STATE_FIELD : spec.fields.find((f) => f.name === name) ?? { name, label: name, type: 'text' };
    return `${field.label}：现为 ${valueText(field, current)}，本版本为 ${valueText(field, release)}`;
  });
}

/**
 * What a merge of the release's defaults kept because the admin had changed it, with how the
 * release differs, so that the admin decides entry by entry: keep it, or take the release's
 * values (after which the entry follows the releases again).
 */
export function KeptEntries({ spec, kept, total, onTake }: { spec: TableSpec; kept: KeptEntry[]; total: number; onTake(kept: KeptEntry): void }) {
  return (
    <div className="banner changed" data-testid="kept-entries">
      <p>
        以下 {total} 条管理员改过，合并没有改动它们{total > kept.length ? `（只列出前 ${kept.length} 条）` : ''}。保留现状无需操作；改用本版本后，该条目今后随版本更新。
      </p>
      <table className="list compact">
        <thead>
          <tr>
            <th>编号</th>
            <th>条目</th>
            <th>情况</th>
            <th>与本版本的不同</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {kept.map((item) => (
            <tr key={item.id} data-kept={item.entry}>
              <td>{item.id}</td>
              <td>{item.entry}</td>
              <td>{item.reason === 'withdrawn' ? '本版本已不再提供' : '管理员改过'}</td>
              <td>
                {differenceText(spec, item).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </td>
              <td>
                <button type="button" className="small" onClick={() => onTake(item)}>
                  {item.reason === 'withdrawn' ? '停用' : '改用本版本'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The requests that give a kept entry the release's values: its fields first, then its state. */
export function releaseChanges(kept: KeptEntry): { fields: Record<string, unknown> | null; enabled: boolean | null } {
  const fields = Object.fromEntries(Object.entries(kept.differences).filter(([name]) => name !== 'enabled').map(([name, { release }]) => [name, release]));
  const enabled = kept.differences.enabled ? Boolean(kept.differences.enabled.release) : null;
  return { fields: Object.keys(fields).length ? fields : null, enabled };
}
