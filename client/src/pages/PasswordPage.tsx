import { FormEvent, useState } from 'react';
import { get, messageOf, put } from '../lib/api';
import { useSession } from '../lib/session';
import { useFetch } from '../lib/useFetch';
import { ErrorNote } from '../components/Badges';

interface PasswordRules {
  minLength: number;
  minClasses: number;
  history: number;
}

/** The rules in words, before anything is typed (as 系统设置 shows them). */
function PasswordRulesNote({ rules }: { rules: PasswordRules | null }) {
  if (!rules) return <p className="muted">新密码须符合密码规则，不符合时会提示原因。</p>;
  return (
    <p className="muted" data-testid="password-rules">
      新密码至少 {rules.minLength} 位，须包含大写字母、小写字母、数字、符号中的至少 {rules.minClasses} 类，不能包含用户名，不能与最近 {rules.history} 次用过的密码相同。
    </p>
  );
}

/** Shown instead of everything else while the account must change its password (initial, reset, or past its age). */
export function PasswordPage() {
  const { user, refresh, logout } = useSession();
  // A password past its maximum age is the user's own, not one an admin set.
  const expired = user?.passwordExpiresAt ? new Date(user.passwordExpiresAt).getTime() <= Date.now() : false;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rules = useFetch(() => get<PasswordRules>('/api/session/password'), []);

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
        <p className="muted" data-testid="password-reason">
          {expired ? '您的密码已超过有效期，修改后才能继续使用。' : '这是管理员为您设置的临时密码，修改后才能继续使用。'}
        </p>
        <PasswordRulesNote rules={rules.data} />
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
