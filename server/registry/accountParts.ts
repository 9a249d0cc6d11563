import { Transaction } from 'sequelize';
import { AccountMenuItem, AccountTeamMember } from '../models';
import type { MenuInput, TeamMemberInput } from '../routes/accounts/schema';

/** The parts of an account's record that live in their own tables: team and menu. */

export interface MenuNode {
  name: string;
  note: string | null;
  children: MenuNode[];
}

export const MAX_MENU_LEVELS = 3;

/** The deepest level of a submitted menu (1 for a flat menu). */
export function menuDepth(items: MenuInput[], level = 1): number {
  return items.reduce((deepest, item) => Math.max(deepest, item.children?.length ? menuDepth(item.children, level + 1) : level), items.length ? level : 0);
}

export async function replaceTeam(accountId: number, team: TeamMemberInput[], transaction: Transaction): Promise<void> {
  await AccountTeamMember.destroy({ where: { accountId }, transaction });
  if (!team.length) return;
  await AccountTeamMember.bulkCreate(
    team.map((member, position) => ({ accountId, position, ...member })),
    { transaction },
  );
}

export async function replaceMenus(accountId: number, items: MenuInput[], transaction: Transaction): Promise<void> {
  await AccountMenuItem.destroy({ where: { accountId }, transaction });
  let position = 0;
  const insert = async (entries: MenuInput[], parentId: number | null, level: number): Promise<void> => {
    for (const entry of entries) {
      const created = await AccountMenuItem.create(
        { accountId, parentId, level, position: position++, name: entry.name, note: entry.note || null },
        { transaction },
      );
      if (entry.children?.length) await insert(entry.children, created.id, level + 1);
    }
  };
  await insert(items, null, 1);
}

export async function loadTeam(accountId: number, transaction?: Transaction) {
  const members = await AccountTeamMember.findAll({ where: { accountId }, order: [['position', 'ASC']], transaction });
  return members.map((m) => ({
    name: m.name,
    unit: m.unit,
    post: m.post,
    officePhone: m.officePhone,
    mobile: m.mobile,
    qq: m.qq,
    wechat: m.wechat,
  }));
}
export type TeamMember = Awaited<ReturnType<typeof loadTeam>>[number];

export async function loadMenus(accountId: number): Promise<MenuNode[]> {
  const items = await AccountMenuItem.findAll({ where: { accountId }, order: [['position', 'ASC']] });
  const nodes = new Map<number, MenuNode>();
  const roots: MenuNode[] = [];
  for (const item of items) {
    const node: MenuNode = { name: item.name, note: item.note, children: [] };
    nodes.set(item.id, node);
    const parent = item.parentId === null ? undefined : nodes.get(item.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
