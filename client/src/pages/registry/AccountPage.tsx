import { ChangeEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ACCOUNT_FIELDS, bodyOf, formValuesOf, FormValues } from '../../lib/accountFields';
import { download, get, messageOf, post, put, api } from '../../lib/api';
import { timeText } from '../../lib/labels';
import { ACCOUNT_STATUS_LABELS, STATUS_STEPS } from '../../lib/registryLabels';
import { useSession } from '../../lib/session';
import type { Account, MenuItem, TeamMember } from '../../lib/types';
import { useBusy } from '../../lib/useBusy';
import { useFetch } from '../../lib/useFetch';
import { AccountFormFields, TeamEditor, teamBody } from '../../components/AccountForm';
import { ErrorNote } from '../../components/Badges';
import { ConfirmButton } from '../../components/ConfirmButton';
import { MenuEditor, menuBody } from '../../components/MenuEditor';
import { AccountChanges } from './AccountChanges';
import { AccountStatusBadge } from './AccountsPage';

function Note({ text }: { text: string | null }) {
  return text ? <div className="success" role="status">{text}</div> : null;
}

/** The county office decides an opening application, with the supervising unit's opinion. */
function Approval({ account, onDone }: { account: Account; onDone(next: Account, message: string): void }) {
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const deciding = useBusy();
  const decide = (decision: 'approve' | 'refuse') =>
    deciding.run(async () => {
      setError(null);
      try {
        const next = await post<Account>(`/api/accounts/${account.id}/approval`, { decision, opinion: opinion.trim() });
        onDone(next, decision === 'approve' ? '已批准开设，账号状态为“正常”' : '已不予批准');
      } catch (caught) {
        setError(messageOf(caught));
      }
    });
  return (
    <div className="card" data-testid="approval">
      <h2>审批开设申请</h2>
      <label>
        主管单位意见
        <textarea name="opinion" rows={3} value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="批准时可不填；不予批准时须写明理由" />
      </label>
      <ErrorNote message={error} />
      <div className="actions">
        <button type="button" className="primary" disabled={deciding.busy} onClick={() => void decide('approve')}>
          批准开设
        </button>
        <ConfirmButton
          label="不予批准"
          className=""
          disabled={deciding.busy}
          needs={opinion.trim() ? null : '请先填写主管单位意见（不予批准须写明理由）'}
          question="不予批准后，该申请不能再修改或批准。确定？"
          confirmLabel="不予批准"
          onConfirm={() => decide('refuse')}
        />
      </div>
    </div>
  );
}

/** Suspension, resumption, deregistration, shutdown: always with a reason; closing needs a closing notice first. */
function StatusChange({ account, onDone }: { account: Account; onDone(next: Account, message: string): void }) {
  const steps = STATUS_STEPS[account.status] ?? [];
  const [chosen, setTo] = useState(steps[0]?.to ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!steps.length) return null;
  // After a step the possible next ones change (a suspended account can be resumed).
  const to = steps.some((s) => s.to === chosen) ? chosen : steps[0]!.to;
  const label = steps.find((s) => s.to === to)?.label ?? '';
  const change = async () => {
    setError(null);
    try {
      const next = await post<Account>(`/api/accounts/${account.id}/status`, { status: to, reason: reason.trim() });
      setReason('');
      onDone(next, `已登记：${label}`);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <div className="card" data-testid="status-change">
      <h2>变更运营状态</h2>
      <p className="muted small">注销和关停前，须先在该账号上登记已发布的停更公告。</p>
      <label className="inline">
        改为
        <select name="status" value={to} onChange={(e) => setTo(e.target.value)}>
          {steps.map((step) => (
            <option key={step.to} value={step.to}>
              {step.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        理由
        <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：单位机构调整，暂停更新" />
      </label>
      <ErrorNote message={error} />
      <ConfirmButton
        label={`登记${label}`}
        className=""
        needs={reason.trim().length < 2 ? `请先填写${label}的理由（至少 2 个字）` : null}
        question={`把“${account.name}”改为“${ACCOUNT_STATUS_LABELS[to]}”？`}
        confirmLabel={`确认${label}`}
        onConfirm={change}
      />
    </div>
  );
}

/** The QR code image: shown from the server, replaced by a PNG or JPEG file, or removed. */
function QrCode({ account, canKeep, onDone }: { account: Account; canKeep: boolean; onDone(next: Account, message: string): void }) {
  const [error, setError] = useState<string | null>(null);
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 256 * 1024) return setError('二维码图片不能超过 256 KB');
    const reader = new FileReader();
    reader.onload = async () => {
      setError(null);
      try {
        onDone(await put<Account>(`/api/accounts/${account.id}/qr-code`, { image: String(reader.result) }), '二维码已更新');
      } catch (caught) {
        setError(messageOf(caught));
      }
    };
    reader.readAsDataURL(file);
  };
  return (
    <div className="card">
      <h2>二维码</h2>
      {account.hasQrCode ? <img className="qr" src={`/api/accounts/${account.id}/qr-code?at=${encodeURIComponent(String(account.updatedAt))}`} alt={`${account.name}的二维码`} /> : <p className="muted">未上传。</p>}
      {canKeep ? (
        <div className="actions">
          <label className="inline">
            上传图片（PNG 或 JPEG）
            <input type="file" accept="image/png,image/jpeg" onChange={choose} />
          </label>
          {account.hasQrCode ? (
            <ConfirmButton
              label="删除二维码"
              question="删除该账号的二维码？"
              confirmLabel="删除"
              onConfirm={async () => {
                try {
                  onDone(await put<Account>(`/api/accounts/${account.id}/qr-code`, { image: null }), '二维码已删除');
                } catch (caught) {
                  setError(messageOf(caught));
                }
              }}
            />
          ) : null}
        </div>
      ) : null}
      <ErrorNote message={error} />
    </div>
  );
}

/** One account's registration record (备案登记表) with everything that happens to it. */
export function AccountPage() {
  const id = Number(useParams().id);
  const { user } = useSession();
  const record = useFetch(() => get<Account>(`/api/accounts/${id}`), [id]);
  const [values, setValues] = useState<FormValues | null>(null);
  const [team, setTeam] = useState<TeamMember[]>([]);
  const [menus, setMenus] = useState<MenuItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const saving = useBusy();
  const account = record.data;

  useEffect(() => {
    if (!account) return;
    setValues(formValuesOf(account));
    setTeam(account.team);
    setMenus(account.menus);
  }, [account]);

  if (!account || !values || !menus) return <ErrorNote message={record.error} />;
  const canKeep = (user?.role === 'editor' && user.unitId === account.unitId) || user?.role === 'sysadmin';
  const pending = account.status === 'pending';
  const closed = ['deregistered', 'shutdown', 'refused'].includes(account.status);
  const done = (next: Account, message: string) => {
    record.setData(next);
    setNotice(message);
    setError(null);
  };
  const run = (what: () => Promise<Account>, message: string) =>
    saving.run(async () => {
      setError(null);
      setNotice(null);
      try {
        done(await what(), message);
      } catch (caught) {
        setError(messageOf(caught));
      }
    });
  const editableFields = ACCOUNT_FIELDS.filter((f) => pending || !f.controlled);

  return (
    <section data-testid="account-page" data-status={account.status}>
      <div className="page-head">
        <h1>
          {account.platformLabel} · {account.name}
        </h1>
        <div className="head-actions">
          <AccountStatusBadge status={account.status} />
          <button type="button" onClick={() => void download(`/api/accounts/${account.id}/form`, '备案登记表.xlsx').catch((caught) => setError(messageOf(caught)))}>
            导出备案登记表
          </button>
          <Link className="button" to="/accounts">
            返回台账
          </Link>
        </div>
      </div>
      <p className="muted">
        {account.unitName} · 账号ID {account.platformAccountId ?? '未填写'} · 最近发布 {account.lastPublishedAt ? timeText(account.lastPublishedAt) : '无'}
        {account.closingNoticePublishedAt ? ` · 停更公告 ${timeText(account.closingNoticePublishedAt)}` : ''}
      </p>
      <ErrorNote message={error} />
      <Note text={notice} />
      <div className="columns">
        <div className="main-column">
          <form
            className="card"
            aria-label="备案信息"
            onSubmit={(event) => {
              event.preventDefault();
              void run(() => api<Account>('PATCH', `/api/accounts/${account.id}`, { ...bodyOf(values, editableFields), ...(pending ? { team: teamBody(team) } : {}) }), '备案信息已保存');
            }}
          >
            <h2>备案信息</h2>
            {!pending && canKeep && !closed ? <p className="muted small">名称、账号ID、承办单位和管理团队的变更须通过下方“变更记录”备案。</p> : null}
            <fieldset disabled={!canKeep || closed} className="plain">
              <AccountFormFields values={values} onChange={setValues} lockControlled={!pending} />
              <TeamEditor team={team} onChange={setTeam} disabled={!pending} />
            </fieldset>
            {account.supervisorOpinion ? <p>主管单位意见：{String(account.supervisorOpinion)}</p> : null}
            {canKeep && !closed ? (
              <button type="submit" className="primary" disabled={saving.busy}>
                保存备案信息
              </button>
            ) : null}
          </form>
          <div className="card">
            <h2>菜单设置</h2>
            <MenuEditor items={menus} onChange={setMenus} disabled={!canKeep || closed} />
            {canKeep && !closed ? (
              <button type="button" disabled={saving.busy} onClick={() => void run(() => put<Account>(`/api/accounts/${account.id}/menus`, { items: menuBody(menus) }), '菜单已保存')}>
                保存菜单
              </button>
            ) : null}
          </div>
        </div>
        <aside className="side-column">
          {user?.role === 'sysadmin' && pending ? <Approval account={account} onDone={done} /> : null}
          {user?.role === 'sysadmin' ? <StatusChange account={account} onDone={done} /> : null}
          <QrCode account={account} canKeep={canKeep && !closed} onDone={done} />
          <AccountChanges account={account} canKeep={canKeep} onDone={(message) => (setNotice(message), void record.refetch())} />
          <div className="card">
            <h2>状态记录</h2>
            <ol className="timeline" data-testid="lifecycle">
              {account.lifecycle.map((step) => (
                <li key={step.id}>
                  <span className="muted small">{timeText(step.createdAt)}</span> {step.kindLabel}：{step.fromStatus ? `${ACCOUNT_STATUS_LABELS[step.fromStatus] ?? step.fromStatus} → ` : ''}
                  {ACCOUNT_STATUS_LABELS[step.toStatus] ?? step.toStatus}
                  {step.reason ? `（理由：${step.reason}）` : ''}
                  {step.opinion ? `（意见：${step.opinion}）` : ''}
                </li>
              ))}
            </ol>
          </div>
        </aside>
      </div>
    </section>
  );
}
