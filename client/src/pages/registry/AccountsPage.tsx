import { ChangeEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, download, get, messageOf, queryString, upload } from '../../lib/api';
import { timeText } from '../../lib/labels';
import { ACCOUNT_STATUS_LABELS, PLATFORM_LABELS } from '../../lib/registryLabels';
import { useSession } from '../../lib/session';
import type { AccountSummary, Paged } from '../../lib/types';
import { useDebounced } from '../../lib/useDebounced';
import { useFetch } from '../../lib/useFetch';
import { useUnits } from '../../lib/useUnits';
import { ErrorNote } from '../../components/Badges';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Pager } from '../../components/Pager';
import { FilterOptions } from '../../components/FilterOptions';

const PAGE_SIZE = 50;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}
interface RowError {
  row: number;
  column: string | null;
  message: string;
}

export function AccountStatusBadge({ status }: { status: string }) {
  const tone = status === 'normal' ? 'approved' : status === 'pending' ? 'in_review' : status === 'suspended' ? 'returned' : 'rejected';
  return <span className={`badge status-${tone}`}>{ACCOUNT_STATUS_LABELS[status] ?? status}</span>;
}

/** The county inventory (排查及清理整合情况表) import: checked first, then written all at once, or refused row by row. */
function InventoryImport({ onImported }: { onImported(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportSummary | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const send = async (chosen: File, dryRun: boolean) => {
    setError(null);
    setRowErrors([]);
    setDone(null);
    try {
      const summary = await upload<ImportSummary>(`/api/registry/inventory${dryRun ? '?dryRun=1' : ''}`, chosen, XLSX);
      if (dryRun) setCheck(summary);
      else {
        setDone(`已导入 ${summary.rows} 行：新增 ${summary.created} 个账号，更新 ${summary.updated} 个，${summary.unchanged} 个无变化`);
        setCheck(null);
        setFile(null);
        onImported();
      }
    } catch (caught) {
      setCheck(null);
      setError(messageOf(caught));
      const details = caught instanceof ApiError ? (caught.details as { errors?: RowError[] } | undefined) : undefined;
      setRowErrors(details?.errors ?? []);
    }
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    event.target.value = '';
    setFile(chosen);
    setCheck(null);
    if (chosen) void send(chosen, true);
  };

  return (
    <div className="card">
      <h2>导入排查及清理整合情况表</h2>
      <p className="muted small">选择 .xlsx 文件后先逐行检查，不写入任何内容；有错误时整份文件都不导入，并列出每一处错误。检查通过后再确认导入。</p>
      <label className="inline">
        选择文件
        <input type="file" accept=".xlsx" aria-label="选择排查表文件" onChange={choose} />
      </label>
      <ErrorNote message={error} />
      {rowErrors.length ? (
        <table className="list compact" data-testid="import-errors">
          <thead>
            <tr>
              <th>行</th>
              <th>列</th>
              <th>问题</th>
            </tr>
          </thead>
          <tbody>
            {rowErrors.map((e, i) => (
              <tr key={i}>
                <td>{e.row}</td>
                <td>{e.column ?? ''}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {check && file ? (
        <div className="banner" data-testid="import-check">
          检查通过：共 {check.rows} 行，将新增 {check.created} 个账号、更新 {check.updated} 个，{check.unchanged} 个无变化。
          <ConfirmButton label="确认导入" danger={false} className="small primary" question="按这份文件更新备案台账？" confirmLabel="导入" onConfirm={() => send(file, false)} />
        </div>
      ) : null}
      {done ? <div className="success" role="status">{done}</div> : null}
    </div>
  );
}

/** The account registry (备案台账): every account in the user's scope, opening applications first to hand. */
export function AccountsPage() {
  const { user } = useSession();
  const isSysadmin = user?.role === 'sysadmin';
  const countyWide = user?.role === 'sysadmin' || user?.role === 'auditor';
  const units = useUnits();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [platform, setPlatform] = useState('');
  const [unitId, setUnitId] = useState('');
  const [page, setPage] = useState(1);
  const search = useDebounced(q);
  const list = useFetch(
    () => get<Paged<AccountSummary>>(`/api/accounts${queryString({ q: search.trim(), status, platform, unitId, page, pageSize: PAGE_SIZE })}`),
    [search, status, platform, unitId, page],
  );
  const pending = useFetch(() => (isSysadmin ? get<Paged<AccountSummary>>('/api/accounts?status=pending&pageSize=100') : Promise.resolve(null)), [isSysadmin]);
  const [error, setError] = useState<string | null>(null);

  return (
    <section>
      <div className="page-head">
        <h1>账号备案</h1>
        <div className="head-actions">
          {user?.role === 'editor' ? (
            <Link className="button primary" to="/accounts/new">
              开设申请
            </Link>
          ) : null}
          {isSysadmin ? (
            <Link className="button primary" to="/accounts/new">
              直接备案
            </Link>
          ) : null}
          <Link className="button" to="/registry/changes">
            变更备案
          </Link>
          <button
            type="button"
            onClick={() => {
              setError(null);
              download('/api/registry/inventory', '排查及清理整合情况表.xlsx').catch((caught) => setError(messageOf(caught)));
            }}
          >
            导出排查表
          </button>
        </div>
      </div>
      <ErrorNote message={error} />
      {isSysadmin && pending.data?.items.length ? (
        <div className="card" data-testid="pending-applications">
          <h2>待审批的开设申请（{pending.data.total}）</h2>
          <ul>
            {pending.data.items.map((account) => (
              <li key={account.id}>
                <Link to={`/accounts/${account.id}`}>
                  {account.unitName} · {account.platformLabel} · {account.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {isSysadmin ? <InventoryImport onImported={() => void list.refetch()} /> : null}
      <div className="card">
        <div className="filters">
          <label className="inline">
            搜索
            <input type="search" aria-label="搜索账号" value={q} placeholder="名称、账号ID或主办单位" onChange={(e) => (setQ(e.target.value), setPage(1))} />
          </label>
          <label className="inline">
            状态
            <select aria-label="状态" value={status} onChange={(e) => (setStatus(e.target.value), setPage(1))}>
              <FilterOptions labels={ACCOUNT_STATUS_LABELS} />
            </select>
          </label>
          <label className="inline">
            平台
            <select aria-label="平台" value={platform} onChange={(e) => (setPlatform(e.target.value), setPage(1))}>
              <FilterOptions labels={PLATFORM_LABELS} />
            </select>
          </label>
          {countyWide && units.length ? (
            <label className="inline">
              单位
              <select aria-label="单位" value={unitId} onChange={(e) => (setUnitId(e.target.value), setPage(1))}>
                <option value="">全部</option>
                {units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        <ErrorNote message={list.error} />
        {list.data ? (
          <>
            <table className="list" data-testid="accounts">
              <thead>
                <tr>
                  <th>账号名称</th>
                  <th>平台</th>
                  <th>账号ID</th>
                  <th>单位</th>
                  <th>主办单位</th>
                  <th>状态</th>
                  <th>备案时间</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((account) => (
                  <tr key={account.id} data-account-id={account.id}>
                    <td>
                      <Link to={`/accounts/${account.id}`}>{account.name}</Link>
                    </td>
                    <td>{account.platformLabel}</td>
                    <td>{account.platformAccountId ?? ''}</td>
                    <td>{account.unitName ?? ''}</td>
                    <td>{account.ownerUnit ?? ''}</td>
                    <td>
                      <AccountStatusBadge status={account.status} />
                    </td>
                    <td>{account.registeredAt ? timeText(account.registeredAt) : <span className="muted">未备案</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!list.data.items.length ? <p className="muted">没有符合条件的账号。</p> : null}
            <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        ) : null}
      </div>
    </section>
  );
}
