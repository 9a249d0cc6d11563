import { Link } from 'react-router';
import { get } from '../lib/api';
import { timeText } from '../lib/labels';
import { useLiveEvent, useResync } from '../lib/live';
import { FRESHNESS_LABELS } from '../lib/registryLabels';
import { useSession } from '../lib/session';
import { useFetch } from '../lib/useFetch';
import { ErrorNote } from './Badges';

interface Freshness {
  thresholds: { warningDays: number; alertDays: number; overdueDays: number };
  today: string;
  counts: Record<'ok' | 'warning' | 'alert' | 'overdue', number>;
  items: Array<{ accountId: number; unitName: string; name: string; platformLabel: string; lastPublishedAt: string | null; resumedOn: string | null; countingFrom: string; days: number; level: 'ok' | 'warning' | 'alert' | 'overdue' }>;
}

/**
 * Days since each 正常 account last published, most silent first, coloured by the county's
 * thresholds; a crossing pushed by the monitor (freshness:changed) refreshes it at once.
 */
export function FreshnessPanel() {
  const { user } = useSession();
  const freshness = useFetch(() => get<Freshness>('/api/reports/freshness'), []);
  useResync(freshness.refetch);
  useLiveEvent('freshness:changed', () => void freshness.refetch());
  const f = freshness.data;
  const shown = f?.items.filter((item) => item.level !== 'ok').slice(0, 20) ?? [];
  return (
    <div className="card" data-testid="freshness">
      <h2>账号更新情况（预警 {f?.thresholds.warningDays ?? '—'} 天 · 告警 {f?.thresholds.alertDays ?? '—'} 天 · {f?.thresholds.overdueDays ?? '—'} 天未更新为单项否决）</h2>
      <ErrorNote message={freshness.error} />
      {f ? (
        <>
          <div className="counters">
            {(['ok', 'warning', 'alert', 'overdue'] as const).map((level) => (
              <div className={`counter freshness-${level}`} key={level} data-level={level}>
                <span className="number">{f.counts[level] ?? 0}</span>
                <span>{FRESHNESS_LABELS[level]}</span>
              </div>
            ))}
          </div>
          {shown.length ? (
            <table className="list" data-testid="freshness-items">
              <thead>
                <tr>
                  <th>账号</th>
                  <th>单位</th>
                  <th>距上次发布</th>
                  <th>上次发布</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((item) => (
                  <tr key={item.accountId} className={`freshness-row-${item.level}`} data-account-id={item.accountId} data-level={item.level}>
                    <td>{user?.role === 'editor' || user?.role === 'sysadmin' || user?.role === 'auditor' || user?.role === 'reviewer' ? <Link to={`/accounts/${item.accountId}`}>{item.platformLabel} · {item.name}</Link> : item.name}</td>
                    <td>{item.unitName}</td>
                    <td>
                      <span className={`badge freshness-${item.level}`}>
                        {item.days} 天 · {FRESHNESS_LABELS[item.level]}
                      </span>
                    </td>
                    <td>
                      {item.lastPublishedAt ? timeText(item.lastPublishedAt) : '从未发布'}
                      {item.resumedOn ? `（${item.resumedOn} 恢复正常，自当日起算）` : item.lastPublishedAt ? '' : `（自 ${item.countingFrom} 起算）`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">所有正常状态的账号都在按时更新。</p>
          )}
        </>
      ) : null}
    </div>
  );
}
