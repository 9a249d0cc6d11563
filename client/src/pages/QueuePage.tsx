import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { get } from '../lib/api';
import { durationText, levelLabel, personName, timeText } from '../lib/labels';
import { useLiveEvent, useResync } from '../lib/live';
import { useSession } from '../lib/session';
import type { Claim } from '../lib/types';
import { useFetch } from '../lib/useFetch';
import { countyClockText } from '../lib/countyTime';
import { ErrorNote, VerdictBadge } from '../components/Badges';

interface QueueAnswer {
  level: number;
  total: number;
  overTarget: number;
  targetHours: number;
  items: Array<{
    id: number;
    title: string;
    revision: number;
    verdict: 'pass' | 'review' | 'block' | null;
    author: { username: string; displayName: string | null } | null;
    waitingSince: string;
    claim: Claim | null;
  }>;
}

/** The reviewer's level queue, longest waiting first; entries, departures and claims arrive live. */
export function QueuePage() {
  const { user } = useSession();
  const queue = useFetch(() => get<QueueAnswer>('/api/queue?pageSize=200'), []);
  const [now, setNow] = useState(Date.now());
  const pending = useRef<number | null>(null);
  // Several events often come together (a decision leaves one queue and enters the next): fetch once.
  const soon = () => {
    if (pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      void queue.refetch();
    }, 150);
  };
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  useResync(soon);
  useLiveEvent('queue:entered', soon);
  useLiveEvent('queue:left', soon);
  useLiveEvent('claim:changed', soon);
  useLiveEvent('draft:changed', soon);

  const q = queue.data;
  return (
    <section>
      <div className="page-head">
        <h1>{levelLabel(user?.level)}队列</h1>
      </div>
      <ErrorNote message={queue.error} />
      {q ? (
        <div className="counters" data-testid="queue-counts">
          <div className="counter">
            <span className="number" data-testid="queue-total">{q.total}</span>
            <span>待审稿件</span>
          </div>
          <div className={`counter${q.overTarget ? ' alert' : ''}`}>
            <span className="number">{q.overTarget}</span>
            <span>超过 {q.targetHours} 小时未审</span>
          </div>
          <div className="counter">
            <span className="number">{q.items.filter((i) => i.claim && new Date(i.claim.expiresAt).getTime() > now).length}</span>
            <span>正在审核</span>
          </div>
        </div>
      ) : null}
      {q && !q.items.length ? <p className="muted">队列已清空，没有待审稿件。</p> : null}
      {q?.items.length ? (
        <table className="list" data-testid="queue">
          <thead>
            <tr>
              <th>标题</th>
              <th>已等待</th>
              <th>机器预审</th>
              <th>作者</th>
              <th>领取情况</th>
            </tr>
          </thead>
          <tbody>
            {q.items.map((item) => {
              const waited = Math.max(0, Math.round((now - new Date(item.waitingSince).getTime()) / 1000));
              const over = waited > q.targetHours * 3600;
              const claim = item.claim && new Date(item.claim.expiresAt).getTime() > now ? item.claim : null;
              const mine = claim?.userId === user?.id;
              return (
                <tr key={item.id} data-draft-id={item.id} className={over ? 'over-target' : ''}>
                  <td>
                    <Link to={`/review/${item.id}`}>{item.title}</Link>
                    {item.revision > 1 ? <span className="muted small">（第 {item.revision} 版）</span> : null}
                  </td>
                  <td title={`进入本级：${timeText(item.waitingSince)}`}>{durationText(waited)}</td>
                  <td>
                    <VerdictBadge verdict={item.verdict} />
                  </td>
                  <td>{personName(item.author)}</td>
                  <td data-testid="claim-cell">
                    {claim ? (
                      <span className={mine ? 'claim mine' : 'claim taken'}>
                        {mine ? '我正在审核' : `${personName(claim)} 正在审核`}，至 {countyClockText(claim.expiresAt)}
                      </span>
                    ) : (
                      <span className="muted">可领取</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
