import { FormEvent, useState } from 'react';
import { messageOf, post } from '../../lib/api';
import { countyToday } from '../../lib/countyTime';
import { timeText } from '../../lib/labels';
import { CHANGE_KIND_LABELS } from '../../lib/registryLabels';
import type { Account, TeamMember } from '../../lib/types';
import { useBusy } from '../../lib/useBusy';
import { useKeptForm } from '../../lib/useKeptForm';
import { TeamEditor, teamBody } from '../../components/AccountForm';
import { ErrorNote } from '../../components/Badges';
import { RestoredFormNote } from '../../components/RestoredFormNote';

/** The fields a change gives new values to, as the form names them. */
const NEW_VALUE_FIELDS = ['name', 'platformAccountId', 'operatorUnit', 'operatorLeader', 'operatorLeaderTitle', 'operatorContact'] as const;
type NewValueField = (typeof NEW_VALUE_FIELDS)[number];

interface ChangeForm {
  /** The pending change being filed (补充备案), or null for a new one. */
  filingId: number | null;
  changedOn: string;
  kinds: string[];
  reason: string;
  ownerOpinion: string;
  withValues: boolean;
  /** Only what was typed: an untouched field shows the account's value as it is now. */
  values: Partial<Record<NewValueField, string>>;
  team: TeamMember[] | null;
}

/** A new change's form: nothing typed, the change taking effect today in the county (as the server counts its deadline). */
function emptyChange(): ChangeForm {
  return { filingId: null, changedOn: countyToday(), kinds: [], reason: '', ownerOpinion: '', withValues: true, values: {}, team: null };
}

function currentValue(account: Account, field: NewValueField): string {
  return String(account[field] ?? '');
}

function shownValue(form: ChangeForm, account: Account, field: NewValueField): string {
  return form.values[field] ?? currentValue(account, field);
}

function shownTeam(form: ChangeForm, account: Account): TeamMember[] {
  return form.team ?? (account.team.length ? account.team : [{ name: '' }]);
}

function changeValues(form: ChangeForm, account: Account, kinds: string[]) {
  const value = (field: NewValueField) => shownValue(form, account, field).trim();
  const values: Record<string, unknown> = {};
  if (kinds.includes('name')) values.name = value('name');
  if (kinds.includes('platform_account_id')) values.platformAccountId = value('platformAccountId');
  if (kinds.includes('maintenance')) {
    values.operatorUnit = value('operatorUnit') || null;
    values.operatorLeader = value('operatorLeader') || null;
    values.operatorLeaderTitle = value('operatorLeaderTitle') || null;
    values.operatorContact = value('operatorContact') || null;
  }
  if (kinds.includes('team')) values.team = teamBody(shownTeam(form, account));
  return values;
}

/** Change records (变更备案): file one with its new values, or report a known change as pending and file it later. */
export function AccountChanges({ account, canKeep, onDone }: { account: Account; canKeep: boolean; onDone(message: string): void }) {
  // What is typed comes back after a reload, a visit elsewhere or a session that ended half-way (see useKeptForm).
  const kept = useKeptForm<ChangeForm>(`account-change-${account.id}`, emptyChange());
  const { value: form, set: setForm } = kept;
  // A kept 补充备案 of a change filed since (by someone else, in another tab) is not offered again.
  const filing = account.changes.find((change) => change.id === form.filingId && change.state === 'pending') ?? null;
  const filingGone = form.filingId !== null && filing === null;
  const [error, setError] = useState<string | null>(null);
  const sending = useBusy();
  const registered = ['normal', 'suspended'].includes(account.status);
  const setValue = (field: NewValueField, value: string) => setForm({ ...form, values: { ...form.values, [field]: value } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sending.run(send);
  };

  const send = async () => {
    setError(null);
    try {
      if (filing) {
        await post(`/api/accounts/${account.id}/changes/${filing.id}/filing`, { changes: changeValues(form, account, filing.kinds), reason: form.reason.trim() || undefined, ownerOpinion: form.ownerOpinion.trim() || null });
        onDone('变更已备案');
      } else {
        await post(`/api/accounts/${account.id}/changes`, {
          changedOn: form.changedOn,
          kinds: form.kinds,
          reason: form.reason.trim(),
          ownerOpinion: form.ownerOpinion.trim() || null,
          ...(form.withValues ? { changes: changeValues(form, account, form.kinds) } : {}),
        });
        onDone(form.withValues ? '变更已备案' : '已登记待备案的变更，请在期限内补充备案');
      }
      kept.forget(); // only after success: a refused change stays in the form
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
                    <button type="button" className="small" onClick={() => setForm({ ...form, filingId: change.id })}>
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
          {kept.restored ? <RestoredFormNote onDiscard={kept.forget} /> : null}
          {filingGone ? (
            <p className="warning" role="status">
              上次正在补充备案的那条变更已不是待备案状态（可能已由他人备案），下面是新的变更登记。
              <button type="button" className="small" onClick={() => setForm({ ...form, filingId: null })}>
                知道了
              </button>
            </p>
          ) : null}
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
              <input value={shownValue(form, account, 'name')} onChange={(e) => setValue('name', e.target.value)} />
            </label>
          ) : null}
          {showValues && kinds.includes('platform_account_id') ? (
            <label>
              新账号ID
              <input value={shownValue(form, account, 'platformAccountId')} onChange={(e) => setValue('platformAccountId', e.target.value)} />
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
                  <input value={shownValue(form, account, name)} onChange={(e) => setValue(name, e.target.value)} />
                </label>
              ))}
            </div>
          ) : null}
          {showValues && kinds.includes('team') ? <TeamEditor team={shownTeam(form, account)} onChange={(team) => setForm({ ...form, team })} /> : null}
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
              <button type="button" onClick={() => setForm({ ...form, filingId: null })}>
                取消
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}

