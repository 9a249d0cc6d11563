import { ReactNode } from 'react';
import { CATEGORY_LABELS, DECISION_LABELS, ROLE_LABELS, SEVERITY_LABELS, STATUS_LABELS, VERDICT_LABELS } from '../lib/labels';
import { ACCOUNT_STATUS_LABELS, PLATFORM_LABELS } from '../lib/registryLabels';

/** The Chinese names of the keys audit records carry; a key not listed shows as written. */
const KEY_LABELS: Record<string, string> = {
  username: '用户名',
  displayNameChanged: '姓名已修改',
  role: '角色',
  level: '审核级别',
  unit: '单位',
  unitId: '单位编号',
  code: '代码',
  name: '名称',
  status: '状态',
  reason: '原因',
  temporaryPassword: '临时密码',
  secondFactor: '动态口令',
  reviewLevels: '审核级数',
  blockPolicy: '机器拦截的稿件',
  term: '词语',
  word: '白名单词',
  category: '类别',
  severity: '级别',
  note: '备注',
  enabled: '启用',
  origin: '来源',
  kind: '词表或规则表',
  version: '规则版本',
  id: '编号',
  before: '修改前',
  after: '修改后',
  changes: '修改内容',
  matchType: '匹配方式',
  pattern: '规则内容',
  scope: '范围',
  total: '稿件数',
  format: '格式',
  rows: '行数',
  entries: '条数',
  filter: '筛选条件',
  q: '搜索',
  from: '从',
  to: '到',
  mode: '方式',
  revision: '修订版本',
  decision: '审核决定',
  verdict: '机器结论',
  comment: '意见',
  accountId: '账号编号',
  platform: '平台',
  month: '月份',
  required: '要求',
  url: '网址',
  message: '说明',
  error: '错误',
};

/** Keys whose value is a code the console names in Chinese. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  role: ROLE_LABELS,
  severity: SEVERITY_LABELS,
  category: CATEGORY_LABELS,
  status: { ...ACCOUNT_STATUS_LABELS, ...STATUS_LABELS, active: '启用', disabled: '已停用' },
  blockPolicy: { return: '退回作者修改', review: '仍交初审，由审核员判断' },
  scope: { in_review: '审核中的稿件', approved: '已通过待发布的稿件', published: '已发布的稿件' },
  origin: { admin: '管理员添加', import: '导入', shipped: '随系统提供' },
  matchType: { name: '来源名称', name_suffix: '名称结尾', domain: '域名', scheme: '协议' },
  kind: { terms: '敏感词表', 'allow-words': '白名单', sources: '转载来源白名单', links: '链接规则' },
  mode: { merge: '合并', replace: '替换' },
  decision: DECISION_LABELS,
  verdict: VERDICT_LABELS,
  platform: PLATFORM_LABELS,
};

/** Keys recorded as [before, after]; so is every key under `changes`. */
const CHANGED_PAIRS = new Set(['reviewLevels', 'blockPolicy', 'name']);

function scalarText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'level' && typeof value === 'number') return ['', '初审', '复审', '终审'][value] ?? String(value);
  return VALUE_LABELS[key]?.[String(value)] ?? String(value);
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

function valueOf(key: string, value: unknown, isPair: boolean): ReactNode {
  if (Array.isArray(value)) {
    if (isPair && value.length === 2 && value.every(isScalar)) return `${scalarText(key, value[0])} → ${scalarText(key, value[1])}`;
    if (value.every(isScalar)) return value.length ? value.map((item) => scalarText(key, item)).join('、') : '（无）';
    return <ol>{value.map((item, i) => <li key={i}>{valueOf(key, item, false)}</li>)}</ol>;
  }
  if (value !== null && typeof value === 'object') return <Fields detail={value as Record<string, unknown>} pairs={key === 'changes'} />;
  return scalarText(key, value);
}

function Fields({ detail, pairs }: { detail: Record<string, unknown>; pairs: boolean }) {
  return (
    <dl className="audit-detail">
      {Object.entries(detail).map(([key, value]) => (
        <div key={key}>
          <dt>{KEY_LABELS[key] ?? key}</dt>
          <dd>{valueOf(key, value, pairs || CHANGED_PAIRS.has(key))}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What an audit record says, in the console's words (审核级数：3 → 2, 级别：拦截) for an auditor who
 * does not read JSON; the record as stored stays one click away for whoever checks it by hand.
 */
export function AuditDetail({ detail }: { detail: unknown }) {
  return (
    <div data-testid="audit-detail">
      {detail !== null && typeof detail === 'object' && !Array.isArray(detail) ? <Fields detail={detail as Record<string, unknown>} pairs={false} /> : <p>{valueOf('', detail, false)}</p>}
      <details>
        <summary className="small muted">原始记录（JSON）</summary>
        <pre className="detail">{JSON.stringify(detail, null, 2)}</pre>
      </details>
    </div>
  );
}
