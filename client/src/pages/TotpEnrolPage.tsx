import { useSession } from '../lib/session';
import { TotpEnrolForm } from '../components/TotpEnrolForm';

/** Shown to an admin whose account must use a second factor before anything else: bind an authenticator app. */
export function TotpEnrolPage() {
  const { refresh, logout } = useSession();
  return (
    <div className="login">
      <div className="card login-card">
        <h1>绑定动态口令</h1>
        <TotpEnrolForm onEnrolled={refresh} intro="系统要求管理员登录时使用动态口令。" />
        <button type="button" className="link" onClick={() => void logout()}>
          退出登录
        </button>
      </div>
    </div>
  );
}
