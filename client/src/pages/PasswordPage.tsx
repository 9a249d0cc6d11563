import { useSession } from '../lib/session';
import { PasswordChangeForm } from '../components/PasswordChangeForm';

/** Shown instead of everything else while the account must change its password (initial, reset, or past its age). */
export function PasswordPage() {
  const { user, refresh, logout } = useSession();
  // A password past its maximum age is the user's own, not one an admin set.
  const expired = user?.passwordExpiresAt ? new Date(user.passwordExpiresAt).getTime() <= Date.now() : false;
  return (
    <div className="login">
      <div className="card login-card">
        <PasswordChangeForm onChanged={refresh}>
          <h1>请先修改密码</h1>
          <p className="muted" data-testid="password-reason">
            {expired ? '您的密码已超过有效期，修改后才能继续使用。' : '这是管理员为您设置的临时密码，修改后才能继续使用。'}
          </p>
        </PasswordChangeForm>
        <button type="button" className="link" onClick={() => void logout()}>
          退出登录
        </button>
      </div>
    </div>
  );
}
