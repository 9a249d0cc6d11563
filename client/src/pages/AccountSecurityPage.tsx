import { FormEvent, useState } from 'react';
import { api, messageOf } from '../lib/api';
import { useSession } from '../lib/session';
import { useBusy } from '../lib/useBusy';
import { ErrorNote } from '../components/Badges';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { TotpEnrolForm } from '../components/TotpEnrolForm';

/** Turns the second factor off, proving both factors once more (refused for admins while it is required). */
function TotpRemoveForm({ onRemoved }: { onRemoved: () => Promise<void> }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    await run(async () => {
      try {
        await api('DELETE', '/api/session/totp', { currentPassword: password, code: code.trim() });
        await onRemoved();
      } catch (caught) {
        setError(messageOf(caught));
      }
    });
  };
  return (
    <form onSubmit={submit} aria-label="停用动态口令">
      <p data-testid="totp-state">已绑定身份验证器，登录时须输入动态口令。</p>
      <label>
        当前密码
        <input name="currentPassword" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      <label>
        6 位动态口令
        <input name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
      </label>
      <ErrorNote message={error} />
      <button type="submit" disabled={busy}>
        {busy ? '正在停用…' : '停用动态口令'}
      </button>
    </form>
  );
}

/**
 * 账户安全, for everyone: change one's password by choice, and bind (or turn off) an authenticator.
 * An admin binds one here before requiring it of all admins in 系统设置.
 */
export function AccountSecurityPage() {
  const { user, refresh } = useSession();
  const [saved, setSaved] = useState<string | null>(null);
  if (!user) return null;
  const done = (message: string) => async () => {
    await refresh();
    setSaved(message);
  };
  return (
    <section data-testid="account-security">
      <div className="page-head">
        <h1>账户安全</h1>
      </div>
      {saved ? (
        <div className="success" role="status">
          {saved}
        </div>
      ) : null}
      <div className="columns">
        <div className="card main-column">
          <h2>修改密码</h2>
          <PasswordChangeForm onChanged={done('密码已修改；您在其他地方的登录已退出')} />
        </div>
        <div className="card side-column">
          <h2>动态口令</h2>
          {user.totpEnabled ? (
            <TotpRemoveForm onRemoved={done('已停用动态口令')} />
          ) : (
            <TotpEnrolForm onEnrolled={done('已绑定身份验证器；下次登录时须输入动态口令')} intro="绑定后，登录时除密码外还须输入手机身份验证器显示的 6 位动态口令。" />
          )}
        </div>
      </div>
    </section>
  );
}
