import { useEffect, useRef } from 'react';

/** A temporary password, shown once: the system admin passes it on; it must be changed at first login. */
export function SecretOnce({ who, password, onClose }: { who: string; password: string; onClose(): void }) {
  const banner = useRef<HTMLDivElement>(null);
  // A reset is asked for on a row far down the list, and the banner sits above it: brought into
  // view, or the only sight of the password would be off screen and the admin would reset again.
  useEffect(() => {
    banner.current?.scrollIntoView({ block: 'center' });
    banner.current?.focus({ preventScroll: true });
  }, [password]);
  return (
    <div className="banner secret" role="status" data-testid="temporary-password" ref={banner} tabIndex={-1}>
      <p>
        <strong>{who}</strong> 的临时密码（只显示这一次，请当面或通过安全渠道告知本人；首次登录时必须修改）：
      </p>
      <p>
        <code className="password" data-testid="temporary-password-value">{password}</code>
        <button type="button" className="small" onClick={() => void navigator.clipboard?.writeText(password)}>
          复制
        </button>
        <button type="button" className="small" onClick={onClose}>
          我已记下，关闭
        </button>
      </p>
    </div>
  );
}
