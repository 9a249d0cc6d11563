import { FormEvent, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError, messageOf } from '../lib/api';
import { useSession } from '../lib/session';
import { unsentWorkKeptOn } from '../lib/unsentWorkPages';
import { ErrorNote } from '../components/Badges';

export function LoginPage() {
  const { login, expired } = useSession();
  // The page the ended session was on (App's SignedIn passes it): only some keep what was typed.
  const kept = unsentWorkKeptOn((useLocation().state as { from?: unknown } | null)?.from);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password, needTotp ? totp.trim() : undefined);
    } catch (caught) {
      if (caught instanceof ApiError && caught.id === 'totp_required') setNeedTotp(true);
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="card login-card" onSubmit={submit}>
        <h1>政务新媒体发布前审核</h1>
        <p className="muted">先审后发 · 分级审核 · 全程留痕</p>
        {expired ? (
          <p className="warning" role="status">
            {`登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面${kept ? `，没有提交的${kept}仍在` : ''}。`}
          </p>
        ) : null}
        <label>
          用户名
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          密码
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {needTotp ? (
          <label>
            动态口令
            <input name="totp" inputMode="numeric" autoComplete="one-time-code" value={totp} onChange={(e) => setTotp(e.target.value)} />
          </label>
        ) : null}
        <ErrorNote message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
      </form>
    </div>
  );
}
