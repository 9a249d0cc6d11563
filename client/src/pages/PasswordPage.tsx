import { FormEvent, useState } from 'react';
import { messageOf, put } from '../lib/api';
import { useSession } from '../lib/session';
import { ErrorNote } from '../components/Badges';

/** Shown instead of everything else while the account must change its password (initial or reset). */
export function PasswordPage() {
  const { refresh, logout } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) {
      setError('两次输入的新密码不一致');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await put('/api/session/password', { currentPassword: current, newPassword: next });
      await refresh();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="card login-card" onSubmit={submit}>
        <h1>请先修改密码</h1>
        <p className="muted">这是管理员为您设置的临时密码，修改后才能继续使用。新密码须符合密码规则，不符合时会提示原因。</p>
        <label>
          当前密码
          <input name="currentPassword" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        </label>
        <label>
          新密码
          <input name="newPassword" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
        </label>
        <label>
          再次输入新密码
          <input name="confirmPassword" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
        </label>
        <ErrorNote message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? '正在保存…' : '修改密码'}
        </button>
        <button type="button" className="link" onClick={() => void logout()}>
          退出登录
        </button>
      </form>
    </div>
  );
}
