/** Labels of the fields that change only through a change record, and the kind each belongs to. */
export const CONTROLLED_FIELD_LABELS: Record<string, string> = {
  name: '账号名称',
  platform: '平台类型',
  platformAccountId: '账号ID',
  operatorUnit: '承办单位',
  operatorLeader: '承办单位负责人',
  operatorLeaderTitle: '承办单位负责人职务',
  operatorContact: '承办单位联系方式',
  team: '管理团队',
};

export const FIELD_CHANGE_KIND: Record<string, 'name' | 'platform_account_id' | 'team' | 'maintenance'> = {
  name: 'name',
  platformAccountId: 'platform_account_id',
  team: 'team',
  operatorUnit: 'maintenance',
  operatorLeader: 'maintenance',
  operatorLeaderTitle: 'maintenance',
  operatorContact: 'maintenance',
};

/** Same value for the registry: null, undefined and '' all mean "not filled in". */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}
