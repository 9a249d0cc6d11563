import { useMemo, useState } from 'react';
import { get } from '../lib/api';
import { categoryLabel, CHECKER_LABELS, durationText, levelLabel, STATUS_LABELS, timeText } from '../lib/labels';
import { useLiveEvent, useResync } from '../lib/live';
import type { DraftStatus } from '../lib/types';
import { useFetch } from '../lib/useFetch';
import { ErrorNote } from '../components/Badges';
import { Chart } from '../components/Chart';
import { FreshnessPanel } from '../components/FreshnessPanel';
import { useSession } from '../lib/session';

interface Dashboard {
  scope: { unitId: number | null; days: number };
  statusCounts: Array<{ status: DraftStatus; level: number | null; count: number }>;
  waiting: { targetHours: number; levels: Array<{ level: number; count: number; overTarget: number; oldestSeconds: number; averageSeconds: number }> };
  days: string[];
  findingsByDay: Array<{ day: string; checker: string; category: string; count: number }>;
  returnsByDay: Array<{ day: string; machine: number; reviewer: number }>;
  returnTotals: { machine: number; reviewer: number };
  uncountedRows: number;
  generatedInMs: number;
  /** Admins and auditors only: drafts whose machine pre-screen failed every attempt. */
  machineFailures?: { count: number; latest: Array<{ draftId: number; unitName: string; at: string; error: string }> };
}

const STATUS_ORDER: DraftStatus[] = ['screening', 'in_review', 'returned', 'approved', 'published', 'rejected'];

/** The state of review at a glance: where drafts are, how long they wait, what the machine finds, who sends drafts back. */
export function DashboardPage() {
  const { user } = useSession();
  // The security admin has no part in the registry (三员分立): no account freshness for that role.
  const seesAccounts = user?.role !== 'secadmin';
  const [days, setDays] = useState(30);
  const board = useFetch(() => get<Dashboard>(`/api/dashboard?days=${days}`), [days]);
  useResync(board.refetch);
  useLiveEvent('draft:changed', () => void board.refetch());
  // Admins and auditors hear of drafts the machine could not pre-screen (they hear no draft changes).
  useLiveEvent('screening:failed', () => void board.refetch());
  const b = board.data;

  const statusCards = useMemo(() => {
    if (!b) return [];
    const cards: Array<{ label: string; count: number; key: string }> = [];
    for (const status of STATUS_ORDER) {
      const rows = b.statusCounts.filter((r) => r.status === status);
      if (status === 'in_review') {
        for (const row of rows.sort((x, y) => (x.level ?? 0) - (y.level ?? 0))) cards.push({ key: `in_review-${row.level}`, label: `${levelLabel(row.level)}中`, count: row.count });
        if (!rows.length) cards.push({ key: 'in_review', label: STATUS_LABELS.in_review, count: 0 });
      } else cards.push({ key: status, label: STATUS_LABELS[status], count: rows.reduce((sum, r) => sum + r.count, 0) });
    }
    return cards;
  }, [b]);

  const findingsOption = useMemo(() => {
    if (!b) return {};
    const checkers = [...new Set(b.findingsByDay.map((f) => f.checker))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: b.days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: checkers.map((checker) => ({
        name: CHECKER_LABELS[checker] ?? checker,
        type: 'bar',
        stack: 'findings',
        data: b.days.map((day) => b.findingsByDay.filter((f) => f.day === day && f.checker === checker).reduce((sum, f) => sum + f.count, 0)),
      })),
    };
  }, [b]);

  const categoryOption = useMemo(() => {
    if (!b) return {};
    const totals = new Map<string, number>();
    for (const f of b.findingsByDay) {
      const key = `${CHECKER_LABELS[f.checker] ?? f.checker}${f.category ? ` · ${categoryLabel(f.category)}` : ''}`;
      totals.set(key, (totals.get(key) ?? 0) + f.count);
    }
    return {
      title: totals.size ? undefined : { text: '暂无数据', left: 'center', top: 'middle', textStyle: { color: '#6b7280', fontSize: 14 } },
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: [...totals].map(([name, value]) => ({ name, value })) }],
    };
  }, [b]);

  const returnsOption = useMemo(() => {
    if (!b) return {};
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: b.days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '机器退回', type: 'line', data: b.returnsByDay.map((d) => d.machine) },
        { name: '审核员退回', type: 'line', data: b.returnsByDay.map((d) => d.reviewer) },
      ],
    };
  }, [b]);

  return (
    <section data-testid="dashboard">
      <div className="page-head">
        <h1>数据看板{b?.scope.unitId === null ? '（全部单位）' : '（本单位）'}</h1>
        <label className="inline">
          统计范围
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            <option value={7}>近 7 天</option>
            <option value={30}>近 30 天</option>
            <option value={90}>近 90 天</option>
          </select>
        </label>
      </div>
      <ErrorNote message={board.error} />
      {b?.uncountedRows ? <p className="banner">正在统计历史数据，尚有约 {b.uncountedRows} 条记录未计入下方图表，稍后刷新即可看到完整结果。</p> : null}
      {b?.machineFailures?.count ? <MachineFailureNote days={days} failures={b.machineFailures} /> : null}
      {b ? (
        <>
          <div className="counters" data-testid="status-counts">
            {statusCards.map((card) => (
              <div className="counter" key={card.key}>
                <span className="number">{card.count}</span>
                <span>{card.label}</span>
              </div>
            ))}
          </div>
          {seesAccounts ? <FreshnessPanel /> : null}
          <div className="columns">
            <div className="card main-column">
              <h2>等待时间（目标：每级 {b.waiting.targetHours} 小时内审结）</h2>
              {b.waiting.levels.length ? (
                <table className="list" data-testid="waiting">
                  <thead>
                    <tr>
                      <th>审核级别</th>
                      <th>待审</th>
                      <th>超过目标</th>
                      <th>平均已等待</th>
                      <th>最久已等待</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.waiting.levels.map((level) => (
                      <tr key={level.level} className={level.overTarget ? 'over-target' : ''}>
                        <td>{levelLabel(level.level)}</td>
                        <td>{level.count}</td>
                        <td>{level.overTarget}</td>
                        <td>{durationText(level.averageSeconds)}</td>
                        <td>{durationText(level.oldestSeconds)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="muted">没有等待审核的稿件。</p>
              )}
            </div>
            <div className="card side-column">
              <h2>退回修改：机器与人工</h2>
              <p className="big-figures">
                机器退回 <strong data-testid="machine-returns">{b.returnTotals.machine}</strong> 篇 · 审核员退回 <strong data-testid="reviewer-returns">{b.returnTotals.reviewer}</strong> 篇
              </p>
              <Chart option={returnsOption} height={220} label="每日退回数" />
            </div>
          </div>
          <div className="columns">
            <div className="card main-column">
              <h2>每日机器发现的问题（按检查项）</h2>
              <Chart option={findingsOption} label="每日发现的问题数，按检查项" />
            </div>
            <div className="card side-column">
              <h2>问题类别分布</h2>
              <Chart option={categoryOption} label="问题类别分布" />
            </div>
          </div>
          <p className="muted small">统计用时 {b.generatedInMs} 毫秒。</p>
        </>
      ) : null}
    </section>
  );
}

/** Drafts the machine could not pre-screen: they went to the reviewers unscreened, and the cause may hit the next one. */
function MachineFailureNote({ days, failures }: { days: number; failures: NonNullable<Dashboard['machineFailures']> }) {
  return (
    <div className="banner failure" role="alert" data-testid="machine-failures">
      <strong>
        近 {days} 天有 {failures.count} 篇稿件机器预审多次出错、未能完成
      </strong>
      ，已转一审人工审核（稿件带“系统”提示，须人工逐项审核）。原因可能是某条筛查规则、稿件数据或数据库，请查看工作进程日志（级别 error）和最近修改的筛查规则。
      <ul>
        {failures.latest.map((failure) => (
          <li key={`${failure.draftId}-${failure.at}`}>
            {timeText(failure.at)} · {failure.unitName} · 稿件 {failure.draftId}
            {failure.error ? <code> {failure.error}</code> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
