import { DraftStatus } from '../models/Draft';

/** Names of states and levels as county staff say them. */
export const STATUS_LABELS: Record<DraftStatus, string> = {
  screening: '机器预审中',
  returned: '已退回修改',
  in_review: '审核中',
  approved: '已通过',
  rejected: '已否决',
  published: '已发布',
};

export const LEVEL_LABELS: Record<number, string> = { 1: '初审', 2: '复审', 3: '终审' };

export function levelLabel(level: number): string {
  return LEVEL_LABELS[level] ?? `第 ${level} 级审核`;
}
