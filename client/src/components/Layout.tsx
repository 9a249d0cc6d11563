import { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { ROLE_LABELS, levelLabel, personName } from '../lib/labels';
import { useLive } from '../lib/live';
import { useSession } from '../lib/session';
import { NAVIGATION } from '../navigation';

export function Layout({ children }: { children: ReactNode }) {
  const { user, logout } = useSession();
  const { connected } = useLive();
  const navigate = useNavigate();
  if (!user) return null;
  const roleText = user.role === 'reviewer' ? `${ROLE_LABELS.reviewer}（${levelLabel(user.level)}）` : ROLE_LABELS[user.role];
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">政务新媒体发布前审核</div>
        <nav className="mainnav" aria-label="主导航">
          {NAVIGATION[user.role].map((item) => (
            <NavLink key={item.to} to={item.to} end>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="who">
          <span className={connected ? 'live on' : 'live off'} title={connected ? '实时更新已连接' : '实时更新已断开，正在重连'}>
            {connected ? '● 实时' : '○ 重连中'}
          </span>
          <span>
            {personName(user)} · {roleText}
          </span>
          <NavLink to="/account">账户安全</NavLink>
          <button
            type="button"
            className="link"
            onClick={async () => {
              await logout();
              navigate('/login');
            }}
          >
            退出登录
          </button>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
