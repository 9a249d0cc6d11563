/** A temporary password, shown once: the system admin passes it on; it must be changed at first login. */
export function SecretOnce({ who, password, onClose }: { who: string; password: string; onClose(): void }) {
  return (
    <div className="banner secret" role="status" data-testid="temporary-password">
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
