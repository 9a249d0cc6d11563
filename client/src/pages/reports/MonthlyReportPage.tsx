import { FormEvent, useEffect, useMemo, useState } from 'react';
import { download, get, messageOf, put, queryString } from '../../lib/api';
import { CHECKER_LABELS, SEVERITY_LABELS } from '../../lib/labels';
import { previousMonth } from '../../lib/registryLabels';
import { useSession } from '../../lib/session';
import type { Severity } from '../../lib/types';
import { useBusy } from '../../lib/useBusy';
import { useFetch } from '../../lib/useFetch';
import { useUnits } from '../../lib/useUnits';
import { ErrorNote } from '../../components/Badges';
import { Chart } from '../../components/Chart';

interface Problem {
  veto: boolean;
  itemLabel: string;
  basis: string;
  accountName: string;
  unitName: string;
  draftId: number | null;
  title: string | null;
  url: string | null;
  checker: string | null;
  severity: Severity | null;
  text: string | null;
  description: string;
}

interface AccountMonth {
  accountId: number;
  unitName: string;
  name: string;
  platformLabel: string;
  statusLabel: string;
  content: { posts: number; rescreened: number; rescreenedWithCurrentLists: number; findings: Record<Severity, number>; overridden: number; veto: number };
  updates: { applicable: boolean; posts: number; postsPerWeek: number; weeks: Array<{ start: string; end: string; posts: number }>; longestGapDays: number; longestGap: { from: string; to: string }; overdueLineCrossed: boolean };
  interaction: { received: number; answered: number; answeredLate: number; unanswered: number; answerRate: number | null; note: string | null } | null;
  vetoCount: number;
  problems: Problem[];
}

interface MonthlyReport {
  month: string;
  period: { first: string; last: string; through: string };
  thresholds: { overdueDays: number };
  rescreen: { batchId: number; finishedAt: string | null; withCurrentLists: boolean } | null;
  units: Array<{ unitId: number; unitName: string; totals: Record<string, number>; accounts: AccountMonth[] }>;
  problems: Problem[];
}

/** Entering an account's 互动回应 figures for the month (messages received, answered, answered late). */
function InteractionForm({ account, month, onSaved }: { account: AccountMonth; month: string; onSaved(): void }) {
  const current = account.interaction;
  const [form, setForm] = useState({ received: String(current?.received ?? ''), answered: String(current?.answered ?? ''), answeredLate: String(current?.answeredLate ?? 0), note: current?.note ?? '' });
  const [error, setError] = useState<string | null>(null);
  const saving = useBusy();
  const save = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(async () => {
      setError(null);
      try {
        await put(`/api/reports/monthly/accounts/${account.accountId}/interaction`, {
          month,
          received: Number(form.received),
          answered: Number(form.answered),
          answeredLate: Number(form.answeredLate || 0),
          note: form.note.trim() || null,
        });
        onSaved();
      } catch (caught) {
        setError(messageOf(caught));
      }
    });
  };
  return (
    <form className="interaction-form" onSubmit={save} aria-label={`${account.name}的互动数据`}>
      {(
        [
          ['received', '收到留言'],
          ['answered', '已回复'],
          ['answeredLate', '其中超时回复'],
        ] as const
      ).map(([name, label]) => (
        <label className="inline" key={name}>
          {label}
          <input type="number" min={0} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} required={name !== 'answeredLate'} />
        </label>
      ))}
      <label className="inline grow">
        说明
        <input value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
      </label>
      <button type="submit" className="small primary" disabled={saving.busy}>
        保存
      </button>
      <ErrorNote message={error} />
    </form>
  );
}

/** The monthly spot-check (月度抽查): 信息规范, 内容更新, 互动回应 per account and unit, veto-class problems first. */
export function MonthlyReportPage() {
  const { user } = useSession();
  const countyWide = user?.role === 'sysadmin' || user?.role === 'auditor';
  const canEnter = user?.role === 'editor' || user?.role === 'sysadmin';
  const units = useUnits();
  const [month, setMonth] = useState(previousMonth());
  const [unitId, setUnitId] = useState('');
  const [entering, setEntering] = useState<number | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const report = useFetch(() => get<MonthlyReport>(`/api/reports/monthly${queryString({ month, unitId })}`), [month, unitId]);
  const r = report.data;
  // Auditors may not list units: the county-wide report names them all.
  const [seenUnits, setSeenUnits] = useState<Array<{ id: number; name: string }>>([]);
  useEffect(() => {
    if (r && !unitId) setSeenUnits(r.units.map((u) => ({ id: u.unitId, name: u.unitName })));
  }, [r, unitId]);
  const unitOptions = units.length ? units : seenUnits;
  const accounts = useMemo(() => r?.units.flatMap((u) => u.accounts) ?? [], [r]);

  const postsOption = useMemo(() => {
    if (!r || !accounts.length) return {};
    const weeks = accounts[0]!.updates.weeks.map((w) => `${w.start.slice(5)}–${w.end.slice(5)}`);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: weeks },
      yAxis: { type: 'value', minInterval: 1 },
      series: accounts.map((a) => ({ name: a.name, type: 'bar', data: a.updates.weeks.map((w) => w.posts) })),
    };
  }, [r, accounts]);

  const findingsOption = useMemo(() => {
    if (!r || !accounts.length) return {};
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: accounts.map((a) => a.name), axisLabel: { rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '重新筛查：拦截', type: 'bar', stack: 'f', data: accounts.map((a) => a.content.findings.block) },
        { name: '重新筛查：需审核', type: 'bar', stack: 'f', data: accounts.map((a) => a.content.findings.review) },
        { name: '审核放行的问题', type: 'bar', data: accounts.map((a) => a.content.overridden) },
        { name: '最长未更新天数', type: 'line', data: accounts.map((a) => a.updates.longestGapDays) },
      ],
    };
  }, [r, accounts]);

  return (
    <section data-testid="monthly-report">
      <div className="page-head">
        <h1>月度抽查</h1>
        <div className="head-actions">
          <label className="inline">
            月份
            <input type="month" aria-label="月份" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
          </label>
          {countyWide ? (
            <label className="inline">
              单位
              <select aria-label="单位" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                <option value="">全县</option>
                {unitOptions.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button
            type="button"
            onClick={() => {
              setExportError(null);
              download(`/api/reports/monthly/export${queryString({ month, unitId })}`, `月度抽查-${month}.xlsx`).catch((caught) => setExportError(messageOf(caught)));
            }}
          >
            导出 Excel
          </button>
        </div>
      </div>
      <ErrorNote message={exportError ?? report.error} />
      {r ? (
        <>
          <p className="muted">
            统计期间 {r.period.first} 至 {r.period.through}。
            {r.rescreen
              ? r.rescreen.withCurrentLists
                ? '已发布稿件已按现行词库重新筛查。'
                : '已发布稿件上次重新筛查后词库又有变化：请安全管理员对“已发布的稿件”重新筛查，信息规范一项才完整。'
              : '已发布稿件尚未重新筛查过，信息规范一项只含审核放行的问题。'}
          </p>
          <div className="card">
            <h2>问题清单（单项否决类在前）</h2>
            {r.problems.length ? (
              <table className="list" data-testid="problems">
                <thead>
                  <tr>
                    <th>类别</th>
                    <th>检查项</th>
                    <th>账号</th>
                    <th>稿件</th>
                    <th>说明</th>
                  </tr>
                </thead>
                <tbody>
                  {r.problems.map((p, index) => (
                    <tr key={index} className={p.veto ? 'veto' : ''}>
                      <td>{p.veto ? <span className="badge severity-block">单项否决</span> : p.severity ? <span className={`badge severity-${p.severity}`}>{SEVERITY_LABELS[p.severity]}</span> : '一般'}</td>
                      <td>
                        {p.itemLabel}
                        {p.checker ? <span className="muted small">（{CHECKER_LABELS[p.checker] ?? p.checker}）</span> : null}
                      </td>
                      <td>
                        {p.unitName} · {p.accountName}
                      </td>
                      <td>{p.url ? <a href={p.url} target="_blank" rel="noopener noreferrer nofollow">{p.title}</a> : p.title ?? ''}</td>
                      <td>{p.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">本月没有发现问题。</p>
            )}
          </div>
          {accounts.length ? (
            <div className="columns">
              <div className="card main-column">
                <h2>每周发稿数</h2>
                <Chart option={postsOption} label="各账号每周发稿数" />
              </div>
              <div className="card side-column">
                <h2>信息规范与更新</h2>
                <Chart option={findingsOption} label="各账号的问题数和最长未更新天数" />
              </div>
            </div>
          ) : null}
          {r.units.map((unit) => (
            <div className="card" key={unit.unitId}>
              <h2>
                {unit.unitName}：{unit.totals.accounts} 个账号，发稿 {unit.totals.posts} 篇，问题 {unit.totals.problems} 个（单项否决 {unit.totals.vetoProblems} 个）
              </h2>
              <table className="list" data-testid="report-accounts">
                <thead>
                  <tr>
                    <th>账号</th>
                    <th>信息规范</th>
                    <th>内容更新</th>
                    <th>互动回应</th>
                    {canEnter ? <th /> : null}
                  </tr>
                </thead>
                <tbody>
                  {unit.accounts.map((a) => (
                    <tr key={a.accountId} data-account-id={a.accountId} className={a.vetoCount ? 'veto' : ''}>
                      <td>
                        {a.platformLabel} · {a.name} <span className="muted small">（{a.statusLabel}）</span>
                      </td>
                      <td>
                        重新筛查 {a.content.rescreened}/{a.content.posts} 篇：拦截 {a.content.findings.block}、需审核 {a.content.findings.review}；审核放行 {a.content.overridden}
                      </td>
                      <td>
                        {a.updates.posts} 篇，每周 {a.updates.postsPerWeek} 篇，最长 {a.updates.longestGapDays} 天未更新
                        {a.updates.overdueLineCrossed ? <span className="badge severity-block">超过 {r.thresholds.overdueDays} 天</span> : null}
                      </td>
                      <td>
                        {a.interaction ? `收到 ${a.interaction.received}，回复 ${a.interaction.answered}（${a.interaction.answerRate ?? '—'}%），超时 ${a.interaction.answeredLate}` : <span className="muted">未填报</span>}
                        {entering === a.accountId ? (
                          <InteractionForm
                            account={a}
                            month={r.month}
                            onSaved={() => {
                              setEntering(null);
                              void report.refetch();
                            }}
                          />
                        ) : null}
                      </td>
                      {canEnter ? (
                        <td>
                          <button type="button" className="small" onClick={() => setEntering(entering === a.accountId ? null : a.accountId)}>
                            {entering === a.accountId ? '取消' : '填报互动数据'}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          {!r.units.length ? <p className="muted">这个月没有需要抽查的账号。</p> : null}
        </>
      ) : null}
    </section>
  );
}
