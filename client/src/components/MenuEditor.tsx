import type { MenuItem } from '../lib/types';

const LEVEL_NAMES = ['一级菜单', '二级菜单', '三级菜单'];

/** The menu structure (菜单设置) of a WeChat account or app: three levels at most, each entry with a note. */
export function MenuEditor({ items, onChange, depth = 0, disabled = false }: { items: MenuItem[]; onChange(items: MenuItem[]): void; depth?: number; disabled?: boolean }) {
  const update = (index: number, item: MenuItem) => onChange(items.map((m, i) => (i === index ? item : m)));
  return (
    <ul className={depth ? 'menu-tree nested' : 'menu-tree'}>
      {items.map((item, index) => (
        <li key={index}>
          <input aria-label={`${LEVEL_NAMES[depth]}名称`} value={item.name} disabled={disabled} placeholder={LEVEL_NAMES[depth]} onChange={(e) => update(index, { ...item, name: e.target.value })} />
          <input aria-label={`${LEVEL_NAMES[depth]}说明`} value={item.note ?? ''} disabled={disabled} placeholder="说明（链接或用途）" onChange={(e) => update(index, { ...item, note: e.target.value })} />
          <button type="button" className="small" disabled={disabled} onClick={() => onChange(items.filter((_, i) => i !== index))}>
            移除
          </button>
          {depth < 2 ? <MenuEditor items={item.children ?? []} depth={depth + 1} disabled={disabled} onChange={(children) => update(index, { ...item, children })} /> : null}
        </li>
      ))}
      <li>
        <button type="button" className="small" disabled={disabled} onClick={() => onChange([...items, { name: '', note: '', children: [] }])}>
          添加{LEVEL_NAMES[depth]}
        </button>
      </li>
    </ul>
  );
}

/** Menus as the API takes them: empty entries dropped, empty notes as null. */
export function menuBody(items: MenuItem[]): MenuItem[] {
  return items
    .filter((m) => m.name.trim())
    .map((m) => ({ name: m.name.trim(), note: m.note?.trim() || null, ...(m.children?.length ? { children: menuBody(m.children) } : {}) }));
}
