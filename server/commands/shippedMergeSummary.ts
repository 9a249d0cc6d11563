import { unprocessable } from '../errors';
import { DeletedEntry, KeptEntry, ShippedMergePlan } from './shippedMergePlan';
import { HeldBackEntry } from './shippedOverlapHold';

/** Kept entries listed in the answer; the count says how many there are in all. */
export const MAX_KEPT_SHOWN = 100;
/** Kept entries named by id in the audit summary of a rule table (a word list's audit parts name them all). */
export const MAX_KEPT_AUDITED = 500;

/** What a merge of a release's defaults did, beyond what every import answers (see ImportCounts). */
export interface ShippedMergeCounts {
  /** Entries the release turned off (not counted in `updated`): dropped by a newer triage, or no longer shipped. */
  disabled: number;
  /** Of `disabled`, the entries this release no longer ships at all (kept, disabled, with a note that says so). */
  withdrawn: number;
  /** Entries the admin changed that differ from the release's: left as they are, for the admin to decide. */
  kept: number;
  /** The first kept entries, with how they differ from the release's. */
  keptEntries: KeptEntry[];
  /** Of `created`, the deleted release entries the request named in `restore`. */
  restored: number;
  /** Release entries the admin deleted and has not restored: the merge left them out. */
  deletedByAdmin: number;
  /** The first of them, with the release's fields, to restore one by one (the request's `restore`). */
  deletedEntries: DeletedEntry[];
  /** Release wording rules brought in disabled because they overlap an enabled rule of the admin's (counted in created, updated or unchanged too). */
  heldBack: number;
  /** The first of them, each with the rule it overlaps. */
  heldBackEntries: HeldBackEntry[];
  /** What happened, in Chinese, for the console. */
  message: string;
}

/** The merge's counts: updated, disabled and kept are apart, so that they add up to what the merge touched. */
export function shippedMergeCounts<Row, Entry>(plan: ShippedMergePlan<Row, Entry>) {
  const turnedOff = plan.follows.filter(({ stored, release }) => stored.state.enabled && !release.state.enabled).length;
  return {
    created: plan.creates.length,
    updated: plan.follows.length - turnedOff,
    deleted: 0,
    unchanged: plan.unchanged,
    disabled: turnedOff + plan.withdrawals.length,
    withdrawn: plan.withdrawals.length,
    kept: plan.kept.length,
    deletedByAdmin: plan.deletedByAdmin.length,
    restored: plan.restored,
    heldBack: plan.heldBack.length,
    restamped: plan.restamps.length,
  };
}

export function shippedMergeMessage(label: string, counts: ReturnType<typeof shippedMergeCounts>): string {
  const withdrawn = counts.withdrawn ? `（其中 ${counts.withdrawn} 条本版本已不再提供）` : '';
  const restored = counts.restored ? `（其中恢复管理员删除的 ${counts.restored} 条）` : '';
  const parts = [`新增 ${counts.created} 条${restored}`, `更新 ${counts.updated} 条`, `按新版本停用 ${counts.disabled} 条${withdrawn}`, `保留管理员修改 ${counts.kept} 条`];
  if (counts.deletedByAdmin) parts.push(`管理员已删除、未恢复 ${counts.deletedByAdmin} 条`);
  const kept = counts.kept ? '；管理员改过的这些条目合并未动，请逐条决定是否改用本版本的写法' : '';
  const deleted = counts.deletedByAdmin ? '；管理员删除的默认条目不再加回，如需要可逐条恢复' : '';
  const heldBack = counts.heldBack ? `；另有 ${counts.heldBack} 条与管理员启用的规则有效期重叠，已以停用状态引入，备注中写明了原因` : '';
  return `已合并本版本的默认${label}：${parts.join('、')}${kept}${deleted}${heldBack}`;
}

/** The answer's part about the release: counts, the first kept entries, and the message. */
export function shippedMergeAnswer<Row, Entry>(label: string, plan: ShippedMergePlan<Row, Entry>): ShippedMergeCounts {
  const counts = shippedMergeCounts(plan);
  return {
    disabled: counts.disabled,
    withdrawn: counts.withdrawn,
    kept: counts.kept,
    keptEntries: plan.kept.slice(0, MAX_KEPT_SHOWN),
    restored: counts.restored,
    deletedByAdmin: counts.deletedByAdmin,
    deletedEntries: plan.deletedByAdmin.slice(0, MAX_KEPT_SHOWN).map((item) => ({ key: item.key, entry: item.label, release: item.state })),
    heldBack: counts.heldBack,
    heldBackEntries: plan.heldBack.slice(0, MAX_KEPT_SHOWN),
    message: shippedMergeMessage(label, counts),
  };
}

/** Refuses a merge asked to restore entries this release does not ship: the admin would think them back. */
export function refuseRestoringNotShipped(plan: Pick<ShippedMergePlan<unknown, unknown>, 'notShipped'>): void {
  if (!plan.notShipped.length) return;
  const named = plan.notShipped.slice(0, 5).map((key) => `“${key}”`).join('、');
  const more = plan.notShipped.length > 5 ? ` 等 ${plan.notShipped.length} 条` : '';
  throw unprocessable(`合并未执行，没有恢复任何条目：本版本默认中没有 ${named}${more}，无法恢复（可能已随新版本移除）。请重新合并本版本默认，从列出的已删除条目中选择。`, {
    notShipped: plan.notShipped,
  });
}
