import { FormEvent, useState } from 'react';
import { messageOf, post } from '../../lib/api';
import { timeText } from '../../lib/labels';
import { CHANGE_KIND_LABELS } from '../../lib/registryLabels';
import type { Account, AccountChange, TeamMember } from '../../lib/types';
import { useBusy } from '../../lib/useBusy';
import { TeamEditor, teamBody } from '../../components/AccountForm';
import { ErrorNote } from '../../components/Badges';

interface ChangeForm {
  changedOn: string;
  kinds: string[];
  reason: string;
  ownerOpinion: string;
  withValues: boolean;
  name: string;
  platformAccountId: string;
  operatorUnit: string;
  operatorLeader: string;
  operatorLeaderTitle: string;
  operatorContact: string;
  team: TeamMember[];
}

function changeValues(form: ChangeForm, kinds: string[]) {
  const values: Record<string, unknown> = {};
  if (kinds.includes('name')) values.name = form.name.trim();
  if (kinds.includes('platform_account_id')) values.platformAccountId = form.platformAccountId.trim();
  if (kinds.includes('maintenance')) {
    values.operatorUnit = form.operatorUnit.trim() || null;
    values.operatorLeader = form.operatorLeader.trim() || null;
    values.operatorLeaderTitle = form.operatorLeaderTitle.trim() || null;
    values.operatorContact = form.operatorContact.trim() || null;
  }
  if (kinds.includes('team')) values.team = teamBody(form.team);
  return values;
}

/** Change records (变更备案): file one with its new values, or report a known change as pending and file it later. */
export function AccountChanges({ account, canKeep, onDone }: { account: Account; canKeep: boolean; onDone(message: string): void }) {
  const fresh = (): ChangeForm => ({
    changedOn: new Date().toLocaleDateString('sv-SE'), // today where the person is, as YYYY-MM-DD
    kinds: [],
    reason: '',
    ownerOpinion: '',
    withValues: true,
    name: account.name,
    platformAccountId: account.platformAccountId ?? '',
    operatorUnit: String(account.operatorUnit ?? ''),
    operatorLeader: String(account.operatorLeader ?? ''),
    operatorLeaderTitle: String(account.operatorLeaderTitle ?? ''),
    operatorContact: String(account.operatorContact ?? ''),
    team: account.team.length ? account.team : [{ name: '' }],
  });
  const [form, setForm] = useState<ChangeForm>(fresh);
  const [filing, setFiling] = useState<AccountChange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sending = useBusy();
  const registered = ['normal', 'suspended'].includes(account.status);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sending.run(send);
  };

  const send = async () => {
    setError(null);
    try {
      if (filing) {
        await post(`/api/accounts/${account.id}/changes/${filing.id}/filing`, { changes: changeValues(form, filing.kinds), reason: form.reason.trim() || undefined, ownerOpinion: form.ownerOpinion.trim() || null });
        onDone('变更已备案');
      } else {
        await post(`/api/accounts/${account.id}/changes`, {
          changedOn: form.changedOn,
          kinds: form.kinds,
          reason: form.reason.trim(),
          ownerOpinion: form.ownerOpinion.trim() || null,
          ...(form.withValues ? { changes: changeValues(form, form.kinds) } : {}),
        });
        onDone(form.withValues ? '变更已备案' : '已登记待备案的变更，请在期限内补充备案');
      }
      setFiling(null);
      setForm(fresh());
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  const kinds = filing ? filing.kinds : form.kinds;
  const showValues = filing !== null || form.withValues;
  return (
    <div className="card">
      <h2>变更记录</h2>
      {account.changes.length ? (
        <table className="list compact" data-testid="changes">
          <thead>
            <tr>
              <th>变更事项</th>
              <th>变更日期</th>
              <th>备案期限</th>
              <th>状态</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {account.changes.map((change) => (
              <tr key={change.id} className={change.late ? 'over-target' : ''}>
                <td>{change.kindLabels.join('、')}</td>
                <td>{change.changedOn}</td>
                <td>
                  {change.dueOn}
                  {change.late ? <span className="warning">（逾期 {change.workingDaysLate} 个工作日）</span> : null}
                </td>
                <td>{change.state === 'filed' ? `已备案 ${timeText(change.filedAt)}` : '待备案'}</td>
                <td>
                  {change.state === 'pending' && canKeep ? (
                    <button type="button" className="small" onClick={() => setFiling(change)}>
                      补充备案
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">没有变更记录。</p>
      )}
      {canKeep && registered ? (
        <form onSubmit={submit} aria-label="变更备案">
          <h3>{filing ? `补充备案：${filing.kindLabels.join('、')}（${filing.changedOn}）` : '登记变更'}</h3>
          <p className="muted small">名称、账号ID、管理团队和运维安排（承办单位）变更后，须在 7 个工作日内备案。</p>
          {filing ? null : (
            <>
              <label className="inline">
                变更生效日期
                <input type="date" value={form.changedOn} onChange={(e) => setForm({ ...form, changedOn: e.target.value })} required />
              </label>
              {Object.entries(CHANGE_KIND_LABELS).map(([kind, label]) => (
                <label className="inline" key={kind}>
                  <input
                    type="checkbox"
                    checked={form.kinds.includes(kind)}
                    onChange={(e) => setForm({ ...form, kinds: e.target.checked ? [...form.kinds, kind] : form.kinds.filter((k) => k !== kind) })}
                  />{' '}
                  {label}
                </label>
              ))}
              <label className="inline">
                <input type="checkbox" checked={!form.withValues} onChange={(e) => setForm({ ...form, withValues: !e.target.checked })} /> 新信息尚未确定，先登记待备案
              </label>
            </>
          )}
          {showValues && kinds.includes('name') ? (
            <label>
              新名称
              <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            </label>
          ) : null}
          {showValues && kinds.includes('platform_account_id') ? (
            <label>
              新账号ID
              <input value={form.platformAccountId} onChange={(e) => setForm({ ...form, platformAccountId: e.target.value })} />
            </label>
          ) : null}
          {showValues && kinds.includes('maintenance') ? (
            <div className="form-row">
              {(
                [
                  ['operatorUnit', '承办单位'],
                  ['operatorLeader', '负责人'],
                  ['operatorLeaderTitle', '职务'],
                  ['operatorContact', '联系方式'],
                ] as const
              ).map(([name, label]) => (
                <label key={name}>
                  {label}
                  <input value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
                </label>
              ))}
            </div>
          ) : null}
          {showValues && kinds.includes('team') ? <TeamEditor team={form.team} onChange={(team) => setForm({ ...form, team })} /> : null}
          <label>
            变更理由
            <textarea rows={2} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          </label>
          <label>
            主办单位意见
            <textarea rows={2} value={form.ownerOpinion} onChange={(e) => setForm({ ...form, ownerOpinion: e.target.value })} />
          </label>
          <ErrorNote message={error} />
          <div className="actions">
            <button type="submit" className="primary" disabled={sending.busy || (!filing && !form.kinds.length)}>
              {sending.busy ? '正在提交…' : filing ? '提交备案' : form.withValues ? '提交变更备案' : '登记待备案'}
            </button>
            {filing ? (
              <button type="button" onClick={() => setFiling(null)}>
                取消
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}

