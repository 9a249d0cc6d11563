import { FIELD_NAMES, VALUE_LABELS } from './fieldLabels';

/** How a message names one item of a list field: 第1位管理团队成员, 第2天. Other lists: 标签第3项. */
const ITEM_NOUNS: Record<string, (n: number) => string> = {
  team: (n) => `第${n}位管理团队成员`,
  days: (n) => `第${n}天`,
  items: (n) => `第${n}个菜单`,
  menus: (n) => `第${n}个菜单`,
  children: (n) => `第${n}个下级菜单`,
  accountIds: (n) => `第${n}个发布账号`,
  kinds: (n) => `第${n}个变更事项`,
  entries: (n) => `第${n}条`,
};

/** Labels that read differently inside a list's items (a team member's name is 姓名, a menu's 菜单名称). */
const ITEM_FIELD_NAMES: Record<string, Record<string, string>> = {
  team: { name: '姓名' },
  items: { name: '菜单名称' },
  menus: { name: '菜单名称' },
  children: { name: '菜单名称' },
};

export type LabelOf = (name: string) => string | undefined;
const sharedLabel: LabelOf = (name) => FIELD_NAMES[name];

/**
 * A nested field's place in words, for people: team.0.mobile → 第1位管理团队成员的手机号码,
 * days.1.note → 第2天的备注, checks.political → 五关核查的political (an unlabelled key as it is).
 */
export function fieldPathPhrase(path: readonly PropertyKey[], labelOf: LabelOf = sharedLabel): string {
  const parts: string[] = [];
  let list: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (typeof segment === 'number') continue; // said with the list before it
    const name = String(segment);
    const label = (list ? ITEM_FIELD_NAMES[list]?.[name] : undefined) ?? labelOf(name) ?? name;
    const next = path[i + 1];
    if (typeof next === 'number') {
      parts.push(ITEM_NOUNS[name]?.(next + 1) ?? `${label}第${next + 1}项`);
      list = name;
    } else {
      parts.push(label);
      list = undefined;
    }
  }
  return parts.join('的');
}

/**
 * A coded value as people know it, with the code a script or file writes: 「自主运营」（self） for
 * operationMode self; an unlisted value as it is.
 */
export function valueLabel(field: string, value: unknown): string {
  const label = VALUE_LABELS[field]?.[String(value)];
  return label ? `「${label}」（${String(value)}）` : String(value);
}
