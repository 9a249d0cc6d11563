import { useState } from 'react';
import { Link } from 'react-router';
import { get, queryString } from '../../lib/api';
import { timeText } from '../../lib/labels';
import type { AccountChange } from '../../lib/types';
import { useFetch } from '../../lib/useFetch';
import { ErrorNote } from '../../components/Badges';

/** Change records across the accounts in scope, with their 7-working-day deadlines; what is overdue first to hand. */
export function ChangesPage() {
  const [overdue, setOverdue] = useState(true);
  const [state, setState] = useState('');
  const list = useFetch(() => get<{ items: AccountChange[] }>(`/api/registry/changes${queryString({ overdue: overdue ? 'true' : '', state })}`), [overdue, state]);
  return (
    <section>
      <div className="page-head">
        <h1>变更备案</h1>
        <Link className="button" to="/accounts">
          返回台账
        </Link>
      </div>
      <p className="muted">账号名称、账号ID、管理团队或运维安排变更后，须在 7 个工作日内备案（按工作日历计算）。</p>
      <div className="filters card">
        <label className="inline">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> 只看逾期（超期未备案或逾期备案）
        </label>
        <label className="inline">
          状态
          <select value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">全部</option>
            <option value="pending">待备案</option>
            <option value="filed">已备案</option>
          </select>
        </label>
      </div>
      <ErrorNote message={list.error} />
      {list.data ? (
        list.data.items.length ? (
          <table className="list" data-testid="registry-changes">
            <thead>
              <tr>
                <th>账号</th>
                <th>变更事项</th>
                <th>变更日期</th>
                <th>备案期限</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((change) => (
                <tr key={change.id} className={change.late ? 'over-target' : ''}>
                  <td>
                    <Link to={`/accounts/${change.accountId}`}>{change.accountName ?? `账号 #${change.accountId}`}</Link>
                  </td>
                  <td>{change.kindLabels.join('、')}</td>
                  <td>{change.changedOn}</td>
                  <td>
                    {change.dueOn}
                    {change.late ? <span className="warning">逾期 {change.workingDaysLate} 个工作日</span> : null}
                  </td>
                  <td>{change.state === 'filed' ? `已备案 ${timeText(change.filedAt)}` : '待备案'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{overdue ? '没有逾期的变更。' : '没有变更记录。'}</p>
        )
      ) : null}
    </section>
  );
}
