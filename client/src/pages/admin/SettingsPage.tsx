import { FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { get, messageOf, put } from '../../lib/api';
import { useBusy } from '../../lib/useBusy';
import { useSession } from '../../lib/session';
import { useFetch } from '../../lib/useFetch';
import { ErrorNote } from '../../components/Badges';

interface AuthPolicy {
  password: { minLength: number; minClasses: number; maxAgeDays: number; history: number };
  totpRequiredForAdmins: boolean;
}

interface Thresholds {
  warningDays: number;
  alertDays: number;
  overdueDays: number;
}

interface CalendarDay {
  date: string;
  working: boolean;
  note: string | null;
}

function Saved({ text }: { text: string | null }) {
  return text ? <div className="success" role="status">{text}</div> : null;
}

/** Sign-in security: the password policy (set by the environment) and the second factor for admins. */
function SignInSecurity() {
  const policy = useFetch(() => get<AuthPolicy>('/api/users/policy'), []);
  const { user } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const p = policy.data;
  // The box asks before it changes anything: requiring the factor sends every admin without one to bind it at their next
  // sign-in, and dropping it leaves three admin accounts behind a password alone.
  const [asking, setAsking] = useState<boolean | null>(null);
  const changing = useBusy();
  const change = async (required: boolean) => {
    setError(null);
    setSaved(null);
    try {
      policy.setData(await put<AuthPolicy>('/api/users/policy', { totpRequiredForAdmins: required }));
      setSaved(required ? '已要求三类管理员登录时使用动态口令；尚未绑定的管理员下次登录时会先绑定' : '已不再要求管理员使用动态口令');
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setAsking(null);
    }
  };
  return (
    <div className="card">
      <h2>登录安全</h2>
      {p ? (
        <>
          <p className="small">
            密码规则：至少 {p.password.minLength} 位，包含大写字母、小写字母、数字、符号中的至少 {p.password.minClasses} 类；{p.password.maxAgeDays} 天后须更换；不得与最近 {p.password.history} 次相同。（由服务器环境变量设定）
          </p>
          <label className="inline">
            <input type="checkbox" checked={asking ?? p.totpRequiredForAdmins} disabled={asking !== null} onChange={(e) => (setError(null), setSaved(null), setAsking(e.target.checked))} /> 系统管理员、安全管理员、安全审计员登录时必须使用动态口令
          </label>
          {asking !== null ? (
            <span className="confirm" role="group" aria-label="请确认">
              <span className="confirm-question">
                {asking
                  ? '要求三类管理员登录时都使用动态口令？尚未绑定的管理员下次登录时须先绑定身份验证器。'
                  : '不再要求管理员使用动态口令？管理员账户将只凭密码即可登录。'}
              </span>
              <button type="button" className={asking ? 'small primary' : 'small danger'} disabled={changing.busy} onClick={() => void changing.run(() => change(asking))}>
                {asking ? '确认要求' : '确认不再要求'}
              </button>
              <button type="button" className="small" disabled={changing.busy} onClick={() => setAsking(null)}>
                取消
              </button>
            </span>
          ) : null}
          {!p.totpRequiredForAdmins && !user?.totpEnabled ? (
            <p className="muted small" data-testid="bind-own-first">
              要求之前，请先在<Link to="/account">账户安全</Link>中为自己的账户绑定身份验证器。
            </p>
          ) : null}
        </>
      ) : null}
      <ErrorNote message={error ?? policy.error} />
      <Saved text={saved} />
    </div>
  );
}

/** When an account counts as not updated: warning, alert, and the no-update line (单项否决). */
function FreshnessThresholds() {
  const current = useFetch(() => get<{ thresholds: Thresholds }>('/api/reports/freshness'), []);
  const [form, setForm] = useState<Thresholds | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (current.data && !form) setForm(current.data.thresholds);
  }, [current.data, form]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setError(null);
    setSaved(null);
    try {
      setForm(await put<Thresholds>('/api/reports/freshness/settings', form));
      setSaved('更新预警阈值已保存');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <form className="card" onSubmit={save}>
      <h2>账号更新预警</h2>
      <p className="muted small">正常状态的账号距上次发布超过这些天数时，在数据看板上分别标为预警、告警和超期（两周未更新为检查中的单项否决）。</p>
      {form ? (
        <div className="form-row">
          {(
            [
              ['warningDays', '预警（天）'],
              ['alertDays', '告警（天）'],
              ['overdueDays', '超期未更新（天）'],
            ] as const
          ).map(([field, label]) => (
            <label key={field}>
              {label}
              <input type="number" min={1} max={365} value={form[field]} onChange={(e) => setForm({ ...form, [field]: Number(e.target.value) })} />
            </label>
          ))}
        </div>
      ) : null}
      <ErrorNote message={error ?? current.error} />
      <Saved text={saved} />
      <button type="submit" className="primary" disabled={!form}>
        保存阈值
      </button>
    </form>
  );
}

/** The county's calendar of holidays on weekdays and make-up working weekends, from the State Council's notice. */
function WorkingCalendar() {
  const [year, setYear] = useState(new Date().getFullYear());
  const calendar = useFetch(() => get<{ year: number; days: CalendarDay[] }>(`/api/registry/calendar/${year}`), [year]);
  const [days, setDays] = useState<CalendarDay[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (calendar.data?.year === year) setDays(calendar.data.days);
  }, [calendar.data, year]);
  const save = async () => {
    if (!days) return;
    setError(null);
    setSaved(null);
    try {
      const answer = await put<{ days: CalendarDay[] }>(`/api/registry/calendar/${year}`, { days: days.filter((d) => d.date).map((d) => ({ ...d, note: d.note || null })) });
      setDays(answer.days);
      setSaved(`${year} 年的工作日历已保存`);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <div className="card">
      <h2>工作日历</h2>
      <p className="muted small">变更备案须在 7 个工作日内办理。工作日按周一至周五计算，这里登记的是例外：工作日放假（如国庆）和周末调休上班。未登记的年份按周一至周五计算。</p>
      <label className="inline">
        年份
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[-1, 0, 1].map((offset) => {
            const y = new Date().getFullYear() + offset;
            return (
              <option key={y} value={y}>
                {y} 年
              </option>
            );
          })}
        </select>
      </label>
      {days ? (
        <table className="list compact">
          <thead>
            <tr>
              <th>日期</th>
              <th>这天</th>
              <th>说明</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {days.map((day, index) => (
              <tr key={index}>
                <td>
                  <input type="date" aria-label="日期" value={day.date} onChange={(e) => setDays(days.map((d, i) => (i === index ? { ...d, date: e.target.value } : d)))} />
                </td>
                <td>
                  <select aria-label="这天" value={day.working ? 'yes' : 'no'} onChange={(e) => setDays(days.map((d, i) => (i === index ? { ...d, working: e.target.value === 'yes' } : d)))}>
                    <option value="no">放假</option>
                    <option value="yes">调休上班</option>
                  </select>
                </td>
                <td>
                  <input aria-label="说明" value={day.note ?? ''} placeholder="如 国庆节" onChange={(e) => setDays(days.map((d, i) => (i === index ? { ...d, note: e.target.value } : d)))} />
                </td>
                <td>
                  <button type="button" className="small" onClick={() => setDays(days.filter((_, i) => i !== index))}>
                    移除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => setDays([...(days ?? []), { date: '', working: false, note: '' }])}>
          添加一天
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={!days}>
          保存 {year} 年日历
        </button>
      </div>
      <ErrorNote message={error ?? calendar.error} />
      <Saved text={saved} />
    </div>
  );
}

/** The system admin's settings: sign-in security, account freshness thresholds, the working-day calendar. */
export function SettingsPage() {
  return (
    <section>
      <div className="page-head">
        <h1>系统设置</h1>
      </div>
      <SignInSecurity />
      <FreshnessThresholds />
      <WorkingCalendar />
    </section>
  );
}
