import { FormEvent, Fragment, useState } from 'react';
import { download, get, messageOf, queryString } from '../../lib/api';
import { ROLE_LABELS, timeText } from '../../lib/labels';
import { OUTCOME_LABELS } from '../../lib/registryLabels';
import type { Paged, Role } from '../../lib/types';
import { useFetch } from '../../lib/useFetch';
import { AuditDetail } from '../../components/AuditDetail';
import { ErrorNote } from '../../components/Badges';
import { Pager } from '../../components/Pager';
import { FilterOptions } from '../../components/FilterOptions';

interface AuditRecord {
  id: number;
  createdAt: string;
  userId: number | null;
  username: string | null;
  role: Role | null;
  ip: string | null;
  eventType: string;
  objectType: string | null;
  objectId: string | null;
  outcome: 'success' | 'denied' | 'failure';
  requestId: string | null;
  detail: unknown;
  hash: string;
}

interface Filters {
  username: string;
  eventType: string;
  objectType: string;
  objectId: string;
  outcome: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { username: '', eventType: '', objectType: '', objectId: '', outcome: '', from: '', to: '' };
const PAGE_SIZE = 50;

const OBJECT_LABELS: Record<string, string> = {
  draft: '稿件',
  user: '用户',
  unit: '单位',
  account: '账号',
  rule: '规则',
  term: '敏感词',
  allow_word: '白名单词',
  audit_log: '审计日志',
  registry: '备案',
  session: '会话',
  rescreen: '重新筛查',
};

/** Dates typed in the form are days in China: "to" includes the whole day. */
function filterQuery(filters: Filters) {
  const nextDay = (day: string) => {
    const date = new Date(`${day}T00:00:00+08:00`);
    date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString();
  };
  return {
    username: filters.username.trim(),
    eventType: filters.eventType,
    objectType: filters.objectType,
    objectId: filters.objectId.trim(),
    outcome: filters.outcome,
    from: filters.from ? new Date(`${filters.from}T00:00:00+08:00`).toISOString() : '',
    to: filters.to ? nextDay(filters.to) : '',
  };
}

/** The auditor's audit log: filter by who, what, when, object and outcome; page; export; verify the chain. Reads only. */
export function AuditPage() {
  const [form, setForm] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const log = useFetch(() => get<Paged<AuditRecord>>(`/api/audit${queryString({ ...filterQuery(applied), page, pageSize: PAGE_SIZE })}`), [applied, page]);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  // The log grows while the auditor reads it (an export is itself an event): ask again with every search.
  const types = useFetch(() => get<{ items: string[]; labels?: Record<string, string> }>('/api/audit/event-types'), [applied, exported]);
  // The server names every event type it writes (auditEventLabels.ts); a type shows as it is only until they arrive.
  const eventLabel = (type: string) => types.data?.labels?.[type] ?? type;
  const [verification, setVerification] = useState<{ intact: boolean; checked: number; firstBreak: { id: number; reason: string } | null } | null>(null);
  const [verifying, setVerifying] = useState(false);

  // Said before asking: a period that ends before it starts would list nothing and not say why.
  const [formError, setFormError] = useState<string | null>(null);
  const search = (event: FormEvent) => {
    event.preventDefault();
    if (form.from && form.to && form.from > form.to) return setFormError('开始日期晚于结束日期');
    setFormError(null);
    setPage(1);
    setApplied(form);
  };

  const exportAs = async (format: 'xlsx' | 'csv') => {
    setExportError(null);
    setExported(null);
    try {
      const name = await download(`/api/audit/export${queryString({ ...filterQuery(applied), format })}`, `audit-log.${format}`);
      setExported(`已导出 ${name}（本次导出已记入审计日志）`);
    } catch (caught) {
      setExportError(messageOf(caught));
    }
  };

  const verify = async () => {
    setVerifying(true);
    setExportError(null);
    try {
      setVerification(await get('/api/audit/verification'));
    } catch (caught) {
      setExportError(messageOf(caught));
    } finally {
      setVerifying(false);
    }
  };

  const field = (name: keyof Filters) => ({ name, value: form[name], onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }) });

  return (
    <section>
      <div className="page-head">
        <h1>审计日志</h1>
        <div className="head-actions">
          <button type="button" onClick={() => void verify()} disabled={verifying}>
            {verifying ? '正在校验…' : '校验日志完整性'}
          </button>
        </div>
      </div>
      {verification ? (
        <div className={verification.intact ? 'success' : 'error'} role="status" data-testid="verification">
          {verification.intact
            ? `日志链完整：已校验 ${verification.checked} 条记录，没有被修改或删除的记录。`
            : `日志链已断开：第 ${verification.firstBreak?.id} 号记录${verification.firstBreak?.reason ? `（${verification.firstBreak.reason}）` : ''}之后的记录不可信，请立即上报。`}
        </div>
      ) : null}
      <form className="card filters" onSubmit={search} aria-label="筛选条件">
        <label className="inline">
          用户名
          {/* The server matches the beginning of the name: say so, or "sec" looks like a name that is not there. */}
          <input {...field('username')} placeholder="填开头即可，如 sec" title="操作人的用户名：填开头几个字符即可，找出以此开头的所有用户" />
        </label>
        <label className="inline">
          事件
          <select {...field('eventType')}>
            <option value="">全部</option>
            {(types.data?.items ?? []).map((type) => (
              <option key={type} value={type}>
                {eventLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          对象
          <select {...field('objectType')}>
            <FilterOptions labels={OBJECT_LABELS} />
          </select>
        </label>
        <label className="inline">
          对象编号
          <input {...field('objectId')} placeholder="稿件或词条编号" size={12} />
        </label>
        <label className="inline">
          结果
          <select {...field('outcome')}>
            <FilterOptions labels={OUTCOME_LABELS} />
          </select>
        </label>
        <label className="inline">
          从
          <input type="date" {...field('from')} />
        </label>
        <label className="inline">
          到
          <input type="date" {...field('to')} />
        </label>
        <button type="submit" className="primary">
          查询
        </button>
        <button type="button" onClick={() => (setForm(EMPTY), setApplied(EMPTY), setPage(1), setFormError(null))}>
          清除条件
        </button>
        <ErrorNote message={formError} />
      </form>
      <div className="card">
        <div className="page-head">
          <h2>查询结果</h2>
          <div className="head-actions">
            <button type="button" onClick={() => void exportAs('xlsx')}>
              导出 Excel
            </button>
            <button type="button" onClick={() => void exportAs('csv')}>
              导出 CSV
            </button>
          </div>
        </div>
        <ErrorNote message={exportError ?? log.error} />
        {exported ? <div className="success" role="status">{exported}</div> : null}
        {log.data ? (
          <>
            <table className="list" data-testid="audit-log">
              <thead>
                <tr>
                  <th>编号</th>
                  <th>时间</th>
                  <th>操作人</th>
                  <th>来源地址</th>
                  <th>事件</th>
                  <th>对象</th>
                  <th>结果</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((record) => (
                  <Fragment key={record.id}>
                    <tr data-record={record.id} data-event={record.eventType} className={record.outcome === 'success' ? '' : 'over-target'}>
                      <td>{record.id}</td>
                      <td>{timeText(record.createdAt)}</td>
                      <td>
                        {record.username ?? '系统'}
                        {record.role ? <span className="muted small">（{ROLE_LABELS[record.role] ?? record.role}）</span> : null}
                      </td>
                      <td>{record.ip ?? ''}</td>
                      <td>{eventLabel(record.eventType)}</td>
                      <td>{record.objectType ? `${OBJECT_LABELS[record.objectType] ?? record.objectType} ${record.objectId ?? ''}` : ''}</td>
                      <td>{OUTCOME_LABELS[record.outcome] ?? record.outcome}</td>
                      <td>
                        <button type="button" className="small" onClick={() => setOpen(open === record.id ? null : record.id)}>
                          {open === record.id ? '收起' : '详情'}
                        </button>
                      </td>
                    </tr>
                    {open === record.id ? (
                      <tr>
                        <td colSpan={8}>
                          <div className="small">请求编号：{record.requestId ?? '—'} · 事件代码：{record.eventType} · 记录哈希：<code>{record.hash.slice(0, 16)}…</code></div>
                          <AuditDetail detail={record.detail} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            </table>
            {!log.data.items.length ? <p className="muted">没有符合条件的记录。</p> : null}
            <Pager page={page} pageSize={PAGE_SIZE} total={log.data.total} onPage={setPage} />
          </>
        ) : null}
      </div>
    </section>
  );
}
