import { FormEvent, useState } from 'react';
import { messageOf, post, put } from '../../lib/api';
import { useBusy } from '../../lib/useBusy';
import { useSession } from '../../lib/session';
import type { Unit } from '../../lib/types';
import { useKeptForm } from '../../lib/useKeptForm';
import { useUnits } from '../../lib/useUnits';
import { ErrorNote } from '../../components/Badges';
import { RestoredFormNote } from '../../components/RestoredFormNote';
import { isStaleEdit, StaleEditNote } from '../../components/StaleEditNote';

const BLOCK_POLICY_LABELS = { return: '退回作者修改', review: '仍交初审，由审核员判断' };
const LEVEL_NAMES: Record<number, string> = { 2: '两级审核', 3: '三级审核' };

/** A review policy chosen in a row and not yet saved: it changes how every later draft of the unit is reviewed. */
type PolicyChange = { unitId: number; reviewLevels: number } | { unitId: number; blockPolicy: keyof typeof BLOCK_POLICY_LABELS };

/** The unit as read from the server already has the change (it was saved and the list read again). */
function policyIsSaved(unit: Unit, change: PolicyChange): boolean {
  return 'reviewLevels' in change ? unit.reviewLevels === change.reviewLevels : unit.blockPolicy === change.blockPolicy;
}

/** What saving the change will do, asked in the row before it is saved. */
function policyQuestion(unit: Unit, change: PolicyChange): string {
  if ('reviewLevels' in change) {
    const consequence = change.reviewLevels < unit.reviewLevels ? '之后进入审核的稿件不再经过终审' : '之后进入审核的稿件还要经过终审';
    return `把${unit.name}改为${LEVEL_NAMES[change.reviewLevels]}？${consequence}，已在审核中的稿件不受影响。`;
  }
  return `${unit.name}被机器拦截的稿件改为“${BLOCK_POLICY_LABELS[change.blockPolicy]}”？只影响之后预审的稿件。`;
}

/**
 * Units. The system admin creates and renames them; the security admin sets each unit's review
 * policy (two or three levels, what a machine block does). Each sees only their own controls.
 */
export function UnitsPage() {
  const { user } = useSession();
  const isSysadmin = user?.role === 'sysadmin';
  const [version, setVersion] = useState(0);
  const units = useUnits(version);
  // The new unit and the names being typed come back after a session that ended half-way (see useKeptForm).
  const newUnit = useKeptForm('units-new', { code: '', name: '' });
  const { value: form, set: setForm } = newUnit;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Names being typed, each with the unit's updatedAt as it was when typing began (sent back as expectedUpdatedAt).
  const { value: names, set: setNames } = useKeptForm<Record<number, { name: string; updatedAt: string }>>('units-rename', {});
  const [stale, setStale] = useState<number | null>(null);
  const creating = useBusy();
  // A policy is saved only once the admin confirms it: a select changed by a stray arrow key or scroll would otherwise
  // cut a unit's review by a level at once.
  const [pendingPolicy, setPendingPolicy] = useState<PolicyChange | null>(null);

  const savingPolicy = useBusy();
  // One rename at a time: a double click would send the same updatedAt twice, and the second be refused as another admin's change.
  const renaming = useBusy();

  // Saved, the choice stays shown until the list is read again with it (no flash of the old value); refused, it is dropped.
  const savePolicy = async (unit: Unit, change: PolicyChange) => {
    const { unitId: _unit, ...body } = change;
    const done = 'reviewLevels' in change ? `${unit.name}：已改为 ${change.reviewLevels} 级审核` : `${unit.name}：已保存拦截处理方式`;
    await run(async () => {
      try {
        await put(`/api/units/${unit.id}/review-policy`, body);
      } catch (caught) {
        setPendingPolicy(null);
        throw caught;
      }
    }, done);
  };

  const run = async (what: () => Promise<unknown>, done: string, unitId?: number) => {
    setError(null);
    setNotice(null);
    setStale(null);
    try {
      await what();
      setNotice(done);
      setVersion((v) => v + 1);
    } catch (caught) {
      setError(messageOf(caught)); // a typed name stays in its box
      if (isStaleEdit(caught) && unitId !== undefined) setStale(unitId);
    }
  };

  /** After a stale rename: the unit's name as saved now, and typing starts afresh. */
  const reloadUnit = (unitId: number) => {
    const { [unitId]: _dropped, ...others } = names;
    setNames(others);
    setStale(null);
    setError(null);
    setVersion((v) => v + 1);
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void creating.run(() =>
      run(async () => {
        await post<Unit>('/api/units', { code: form.code.trim(), name: form.name.trim() });
        newUnit.forget();
      }, '单位已创建'),
    );
  };

  return (
    <section>
      <div className="page-head">
        <h1>{isSysadmin ? '单位管理' : '审核策略'}</h1>
      </div>
      {isSysadmin ? (
        <form className="card" onSubmit={create} aria-label="新建单位">
          <h2>新建单位</h2>
          {newUnit.restored ? <RestoredFormNote onDiscard={newUnit.forget} /> : null}
          <div className="form-row">
            <label>
              单位代码
              <input name="code" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} required placeholder="如 xcb（字母、数字）" />
            </label>
            <label className="grow">
              单位名称
              <input name="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required placeholder="如 县委宣传部" />
            </label>
          </div>
          <button type="submit" className="primary" disabled={creating.busy}>
            {creating.busy ? '正在创建…' : '创建单位'}
          </button>
        </form>
      ) : (
        <p className="muted">每个单位的稿件经过几级审核（两级：初审、复审；三级：初审、复审、终审），以及机器预审“拦截”的稿件怎么处理。修改只影响之后进入审核的稿件。</p>
      )}
      <ErrorNote message={error} reveal />
      {stale !== null ? <StaleEditNote onReload={() => reloadUnit(stale)} /> : null}
      {notice ? <div className="success" role="status">{notice}</div> : null}
      <table className="list" data-testid="units">
        <thead>
          <tr>
            <th>代码</th>
            <th>名称</th>
            <th>审核级数</th>
            <th>机器拦截的稿件</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id} data-unit={unit.code}>
              <td>{unit.code}</td>
              <td>
                {isSysadmin ? (
                  <input
                    aria-label={`${unit.code} 的名称`}
                    value={names[unit.id]?.name ?? unit.name}
                    onChange={(e) => setNames({ ...names, [unit.id]: { name: e.target.value, updatedAt: names[unit.id]?.updatedAt ?? unit.updatedAt } })}
                  />
                ) : (
                  unit.name
                )}
              </td>
              <td>
                {isSysadmin ? (
                  `${unit.reviewLevels} 级`
                ) : (
                  <select
                    aria-label={`${unit.name}的审核级数`}
                    value={pendingPolicy?.unitId === unit.id && 'reviewLevels' in pendingPolicy ? pendingPolicy.reviewLevels : unit.reviewLevels}
                    onChange={(e) => {
                      const reviewLevels = Number(e.target.value);
                      setPendingPolicy(reviewLevels === unit.reviewLevels ? null : { unitId: unit.id, reviewLevels });
                    }}
                  >
                    <option value={2}>两级审核</option>
                    <option value={3}>三级审核</option>
                  </select>
                )}
              </td>
              <td>
                {isSysadmin ? (
                  BLOCK_POLICY_LABELS[unit.blockPolicy]
                ) : (
                  <select
                    aria-label={`${unit.name}的拦截处理`}
                    value={pendingPolicy?.unitId === unit.id && 'blockPolicy' in pendingPolicy ? pendingPolicy.blockPolicy : unit.blockPolicy}
                    onChange={(e) => {
                      const blockPolicy = e.target.value as keyof typeof BLOCK_POLICY_LABELS;
                      setPendingPolicy(blockPolicy === unit.blockPolicy ? null : { unitId: unit.id, blockPolicy });
                    }}
                  >
                    <option value="return">{BLOCK_POLICY_LABELS.return}</option>
                    <option value="review">{BLOCK_POLICY_LABELS.review}</option>
                  </select>
                )}
              </td>
              <td>
                {isSysadmin ? (
                  <button
                    type="button"
                    className="small"
                    disabled={renaming.busy || !names[unit.id]?.name || names[unit.id]?.name === unit.name}
                    onClick={() =>
                      void renaming.run(() => run(
                        async () => {
                          const typed = names[unit.id]!;
                          await put(`/api/units/${unit.id}`, { name: typed.name.trim(), expectedUpdatedAt: typed.updatedAt });
                          const { [unit.id]: _saved, ...others } = names;
                          setNames(others);
                        },
                        '名称已保存',
                        unit.id,
                      ))
                    }
                  >
                    保存名称
                  </button>
                ) : pendingPolicy?.unitId === unit.id && !policyIsSaved(unit, pendingPolicy) ? (
                  <span className="confirm" role="group" aria-label="请确认">
                    <span className="confirm-question">{policyQuestion(unit, pendingPolicy)}</span>
                    <button type="button" className="small primary" disabled={savingPolicy.busy} onClick={() => void savingPolicy.run(() => savePolicy(unit, pendingPolicy))}>
                      {savingPolicy.busy ? '正在保存…' : '保存'}
                    </button>
                    <button type="button" className="small" disabled={savingPolicy.busy} onClick={() => setPendingPolicy(null)}>
                      取消
                    </button>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
