import { FormEvent, useState } from 'react';
import { get, messageOf, post, put, queryString } from '../../lib/api';
import { levelLabel, ROLE_LABELS, timeText } from '../../lib/labels';
import type { Paged, Role, UserRecord } from '../../lib/types';
import { useDebounced } from '../../lib/useDebounced';
import { useFetch } from '../../lib/useFetch';
import { useBusy } from '../../lib/useBusy';
import { useKeptForm } from '../../lib/useKeptForm';
import { useUnits } from '../../lib/useUnits';
import { ErrorNote } from '../../components/Badges';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Pager } from '../../components/Pager';
import { SecretOnce } from '../../components/SecretOnce';
import { FilterOptions } from '../../components/FilterOptions';
import { RestoredFormNote } from '../../components/RestoredFormNote';
import { isStaleEdit, StaleEditNote } from '../../components/StaleEditNote';

const PAGE_SIZE = 50;
const MANAGED: Role[] = ['editor', 'reviewer'];

interface NewUser {
  username: string;
  displayName: string;
  role: 'editor' | 'reviewer';
  level: number;
  unitId: string;
}

const EMPTY: NewUser = { username: '', displayName: '', role: 'editor', level: 1, unitId: '' };

/** An open edit form: what is typed, and when the user was last changed as the form loaded it. */
interface Editing {
  id: number;
  displayName: string;
  role: 'editor' | 'reviewer';
  level: number;
  unitId: number;
  updatedAt: string | null;
}

function editingOf(user: UserRecord): Editing {
  return { id: user.id, displayName: user.displayName ?? '', role: user.role as 'editor' | 'reviewer', level: user.level ?? 1, unitId: user.unitId, updatedAt: user.updatedAt };
}

/**
 * The system admin's user accounts: create editors and reviewers with a temporary password shown
 * once, change their level or unit, disable, enable, reset the password. Admin accounts are listed
 * but managed only on the server (三员分立).
 */
export function UsersPage() {
  const units = useUnits();
  const unitName = (id: number) => units.find((u) => u.id === id)?.name ?? `单位 #${id}`;
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [unitId, setUnitId] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const search = useDebounced(q);
  const list = useFetch(
    () => get<Paged<UserRecord>>(`/api/users${queryString({ q: search.trim(), role, unitId, status, page, pageSize: PAGE_SIZE })}`),
    [search, role, unitId, status, page],
  );

  // Both forms come back after a session that ended half-way (see useKeptForm).
  const newUser = useKeptForm<NewUser>('users-new', EMPTY);
  const { value: form, set: setForm } = newUser;
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ who: string; password: string } | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  // A reset or enable is saved even when the login lockout could not be lifted (Redis unreachable): say so.
  const [lockoutStays, setLockoutStays] = useState<string | null>(null);
  const noteLockout = (username: string, lifted: boolean | undefined) =>
    setLockoutStays(lifted === false ? `${username} 的登录锁定未能解除（缓存服务暂时不可用），锁定时间到后会自动解除；如需立即解除，请在缓存服务恢复后再重置一次密码。` : null);
  const edit = useKeptForm<Editing | null>('users-edit', null);
  const { value: editing, set: setEditing } = edit;
  // The last save was refused: another admin changed the user after the form was opened.
  const [stale, setStale] = useState(false);
  // A second click while the save runs would send the same updatedAt again and be refused as another admin's change.
  const saving = useBusy();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      const answer = await post<{ user: UserRecord; temporaryPassword: string }>('/api/users', {
        username: form.username.trim(),
        displayName: form.displayName.trim() || null,
        role: form.role,
        level: form.role === 'reviewer' ? form.level : null,
        unitId: Number(form.unitId),
      });
      setSecret({ who: answer.user.username, password: answer.temporaryPassword });
      newUser.forget(); // only after success: a refused form keeps what was typed
      await list.refetch();
    } catch (caught) {
      setFormError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const act = async (what: () => Promise<unknown>) => {
    setRowError(null);
    try {
      await what();
      await list.refetch();
    } catch (caught) {
      setRowError(messageOf(caught));
    }
  };

  const saveEdit = async () => {
    if (!editing) return;
    setRowError(null);
    setStale(false);
    try {
      await put(`/api/users/${editing.id}`, {
        displayName: editing.displayName.trim() || null,
        role: editing.role,
        level: editing.role === 'reviewer' ? editing.level : null,
        unitId: editing.unitId,
        // Refused (409) if another admin changed the user since the form was opened: their change is not undone.
        ...(editing.updatedAt ? { expectedUpdatedAt: editing.updatedAt } : {}),
      });
      // The list is read again before the form closes, so the row never shows the old values in between.
      await list.refetch();
      edit.forget();
    } catch (caught) {
      setRowError(messageOf(caught)); // the form stays open with what was typed
      setStale(isStaleEdit(caught));
    }
  };

  /** After a stale save: the form again, with the user as saved now. */
  const reloadEdited = async () => {
    if (!editing) return;
    setRowError(null);
    setStale(false);
    try {
      setEditing(editingOf(await get<UserRecord>(`/api/users/${editing.id}`)));
      await list.refetch();
    } catch (caught) {
      setRowError(messageOf(caught));
    }
  };

  const closeEdit = () => {
    edit.forget();
    setStale(false);
    setRowError(null);
  };

  return (
    <section>
      <div className="page-head">
        <h1>用户管理</h1>
      </div>
      {secret ? <SecretOnce who={secret.who} password={secret.password} onClose={() => setSecret(null)} /> : null}
      <form className="card" onSubmit={create} aria-label="新建用户">
        <h2>新建用户</h2>
        {newUser.restored ? <RestoredFormNote onDiscard={newUser.forget} /> : null}
        <p className="muted small">这里只能创建编辑和审核员。系统会生成临时密码，用户首次登录时必须修改。管理员账户只能在服务器上用命令创建。</p>
        <div className="form-row">
          <label>
            用户名
            <input name="username" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required placeholder="字母、数字或 _ . -" />
          </label>
          <label>
            姓名
            <input name="displayName" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          </label>
          <label>
            角色
            <select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as NewUser['role'] })}>
              <option value="editor">编辑</option>
              <option value="reviewer">审核员</option>
            </select>
          </label>
          {form.role === 'reviewer' ? (
            <label>
              审核级别
              <select name="level" value={form.level} onChange={(e) => setForm({ ...form, level: Number(e.target.value) })}>
                <option value={1}>初审</option>
                <option value={2}>复审</option>
                <option value={3}>终审</option>
              </select>
            </label>
          ) : null}
          <label>
            所属单位
            <select name="unitId" value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })} required>
              <option value="">请选择</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ErrorNote message={formError} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在创建…' : '创建用户'}
        </button>
      </form>

      <div className="card">
        <div className="filters">
          <label className="inline">
            搜索
            <input type="search" aria-label="搜索用户" value={q} placeholder="用户名或姓名" onChange={(e) => (setQ(e.target.value), setPage(1))} />
          </label>
          <label className="inline">
            角色
            <select value={role} onChange={(e) => (setRole(e.target.value), setPage(1))}>
              <FilterOptions labels={ROLE_LABELS} />
            </select>
          </label>
          <label className="inline">
            单位
            <select aria-label="按单位筛选" value={unitId} onChange={(e) => (setUnitId(e.target.value), setPage(1))}>
              <option value="">全部</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            状态
            <select value={status} onChange={(e) => (setStatus(e.target.value), setPage(1))}>
              <option value="">全部</option>
              <option value="active">启用</option>
              <option value="disabled">已停用</option>
            </select>
          </label>
        </div>
        <ErrorNote message={rowError ?? list.error} reveal />
        {stale && editing ? <StaleEditNote onReload={() => void reloadEdited()} /> : null}
        {lockoutStays ? (
          <div className="banner changed" role="alert" data-testid="lockout-stays">
            {lockoutStays}
            <button type="button" className="small" onClick={() => setLockoutStays(null)}>
              知道了
            </button>
          </div>
        ) : null}
        {list.data ? (
          <>
            <table className="list" data-testid="users">
              <thead>
                <tr>
                  <th>用户名</th>
                  <th>姓名</th>
                  <th>角色</th>
                  <th>单位</th>
                  <th>状态</th>
                  <th>最近登录</th>
                  <th>操作</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((user) =>
                  editing?.id === user.id ? (
                    <tr key={user.id} data-user={user.username}>
                      <td>{user.username}</td>
                      <td>
                        <input aria-label="姓名" value={editing.displayName} onChange={(e) => setEditing({ ...editing, displayName: e.target.value })} />
                      </td>
                      <td>
                        <select aria-label="角色" value={editing.role} onChange={(e) => setEditing({ ...editing, role: e.target.value as 'editor' | 'reviewer' })}>
                          <option value="editor">编辑</option>
                          <option value="reviewer">审核员</option>
                        </select>
                        {editing.role === 'reviewer' ? (
                          <select aria-label="审核级别" value={editing.level} onChange={(e) => setEditing({ ...editing, level: Number(e.target.value) })}>
                            <option value={1}>初审</option>
                            <option value={2}>复审</option>
                            <option value={3}>终审</option>
                          </select>
                        ) : null}
                      </td>
                      <td>
                        <select aria-label="单位" value={editing.unitId} onChange={(e) => setEditing({ ...editing, unitId: Number(e.target.value) })}>
                          {units.map((unit) => (
                            <option key={unit.id} value={unit.id}>
                              {unit.name}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td colSpan={2} className="muted small">
                        修改角色、级别或单位后，该用户的实时连接会断开并按新权限重新连接。
                      </td>
                      <td>
                        <button type="button" className="small primary" disabled={saving.busy} onClick={() => void saving.run(saveEdit)}>
                          {saving.busy ? '正在保存…' : '保存'}
                        </button>
                        <button type="button" className="small" onClick={closeEdit}>
                          取消
                        </button>
                      </td>
                    </tr>
                  ) : (
                    <tr key={user.id} data-user={user.username} className={user.status === 'disabled' ? 'disabled-row' : ''}>
                      <td>{user.username}</td>
                      <td>{user.displayName ?? ''}</td>
                      <td>
                        {ROLE_LABELS[user.role]}
                        {user.role === 'reviewer' ? `（${levelLabel(user.level)}）` : ''}
                      </td>
                      <td>{unitName(user.unitId)}</td>
                      <td>
                        {user.status === 'active' ? '启用' : <span className="badge status-rejected">已停用</span>}
                        {user.mustChangePassword ? <span className="muted small">（待改密码）</span> : null}
                        {user.totpEnabled ? <span className="muted small">（已绑定动态口令）</span> : null}
                      </td>
                      <td>{user.lastLoginAt ? timeText(user.lastLoginAt) : <span className="muted">从未登录</span>}</td>
                      <td className="row-actions">
                        {MANAGED.includes(user.role) ? (
                          <>
                            <button
                              type="button"
                              className="small"
                              onClick={() => (setEditing(editingOf(user)), setStale(false), setRowError(null))}
                            >
                              修改
                            </button>
                            <ConfirmButton
                              label="重置密码"
                              question={`给 ${user.username} 生成新的临时密码？其已登录的会话将立即失效。`}
                              confirmLabel="重置"
                              onConfirm={() =>
                                act(async () => {
                                  const answer = await post<{ user: UserRecord; temporaryPassword: string; lockoutLifted: boolean }>(`/api/users/${user.id}/password-reset`);
                                  setSecret({ who: answer.user.username, password: answer.temporaryPassword });
                                  noteLockout(answer.user.username, answer.lockoutLifted);
                                })
                              }
                            />
                            {user.status === 'active' ? (
                              <ConfirmButton
                                label="停用"
                                question={`停用 ${user.username}？其会话将立即结束，无法再登录。`}
                                confirmLabel="停用"
                                onConfirm={() => act(() => put(`/api/users/${user.id}/status`, { status: 'disabled' }))}
                              />
                            ) : (
                              <button
                                type="button"
                                className="small"
                                onClick={() =>
                                  void act(async () => {
                                    const answer = await put<UserRecord & { lockoutLifted?: boolean }>(`/api/users/${user.id}/status`, { status: 'active' });
                                    noteLockout(answer.username, answer.lockoutLifted);
                                  })
                                }
                              >
                                启用
                              </button>
                            )}
                          </>
                        ) : (
                          <span className="muted small">管理员账户在服务器上管理</span>
                        )}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
            <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        ) : null}
      </div>
    </section>
  );
}
