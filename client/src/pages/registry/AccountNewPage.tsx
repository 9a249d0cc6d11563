import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ACCOUNT_FIELDS, bodyOf, formValuesOf, FormValues } from '../../lib/accountFields';
import { messageOf, post } from '../../lib/api';
import { useSession } from '../../lib/session';
import type { Account, TeamMember } from '../../lib/types';
import { useKeptForm } from '../../lib/useKeptForm';
import { useUnits } from '../../lib/useUnits';
import { AccountFormFields, TeamEditor, teamBody } from '../../components/AccountForm';
import { ErrorNote } from '../../components/Badges';
import { RestoredFormNote } from '../../components/RestoredFormNote';

/**
 * A new account: a unit's editor files an opening application (开设申请, pending until the county
 * office approves); the system admin registers an account that existed before the product.
 */
interface NewAccount {
  values: FormValues;
  team: TeamMember[];
  unitId: string;
  status: 'normal' | 'suspended';
}

export function AccountNewPage() {
  const { user } = useSession();
  const isSysadmin = user?.role === 'sysadmin';
  const navigate = useNavigate();
  const units = useUnits();
  // Everything typed comes back after a session that ended half-way (see useKeptForm).
  const form = useKeptForm<NewAccount>('account-new', { values: formValuesOf(null), team: [{ name: '' }], unitId: '', status: 'normal' });
  const { values, team, unitId, status } = form.value;
  const setValues = (next: FormValues) => form.set((now) => ({ ...now, values: next }));
  const setTeam = (next: TeamMember[]) => form.set((now) => ({ ...now, team: next }));
  const setUnitId = (next: string) => form.set((now) => ({ ...now, unitId: next }));
  const setStatus = (next: NewAccount['status']) => form.set((now) => ({ ...now, status: next }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { ...bodyOf(values, ACCOUNT_FIELDS), team: teamBody(team) };
      const account = isSysadmin
        ? await post<Account>('/api/accounts', { ...body, unitId: Number(unitId), status })
        : await post<Account>('/api/accounts/applications', body);
      form.forget();
      navigate(`/accounts/${account.id}`);
    } catch (caught) {
      // The form keeps everything typed: only the message changes.
      setError(messageOf(caught));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="card" aria-label={isSysadmin ? '直接备案' : '开设申请'}>
      <div className="page-head">
        <h1>{isSysadmin ? '直接备案账号' : '开设申请'}</h1>
      </div>
      <p className="muted small">
        {isSysadmin
          ? '用于产品上线前已经开设的账号：按备案登记表录入，保存后即为已备案。'
          : '按备案登记表填写后提交，由主管单位（系统管理员）审批；审批通过后账号状态为“正常”，才能作为稿件的发布账号。'}
      </p>
      {form.restored ? <RestoredFormNote onDiscard={form.forget} /> : null}
      {isSysadmin ? (
        <div className="form-row">
          <label>
            所属单位<span className="required">*</span>
            <select name="unitId" value={unitId} onChange={(e) => setUnitId(e.target.value)} required>
              <option value="">请选择</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            状态
            <select name="status" value={status} onChange={(e) => setStatus(e.target.value as 'normal' | 'suspended')}>
              <option value="normal">正常</option>
              <option value="suspended">暂停</option>
            </select>
          </label>
        </div>
      ) : null}
      <AccountFormFields values={values} onChange={setValues} applying={!isSysadmin} />
      <TeamEditor team={team} onChange={setTeam} />
      <ErrorNote message={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在提交…' : isSysadmin ? '保存备案' : '提交开设申请'}
        </button>
      </div>
    </form>
  );
}
