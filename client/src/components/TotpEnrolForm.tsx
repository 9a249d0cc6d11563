import { FormEvent, ReactNode, useState } from 'react';
import { messageOf, post, put } from '../lib/api';
import { useBusy } from '../lib/useBusy';
import { ErrorNote } from './Badges';

/**
 * Binds an authenticator app in two steps: the current password (a stolen session alone must not
 * bind one), then a code from the app proves it holds the secret shown.
 */
export function TotpEnrolForm({ onEnrolled, intro }: { onEnrolled: () => Promise<void> | void; intro: ReactNode }) {
  const [secret, setSecret] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();

  /** Runs one step of the form, once however often it is clicked; a refusal is shown under it. */
  const step = (work: () => Promise<void>) => (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setError(null);
      try {
        await work();
      } catch (caught) {
        setError(messageOf(caught));
      }
    });
  };

  const start = step(async () => {
    setSecret(await post<{ secret: string; otpauthUri: string }>('/api/session/totp', { currentPassword: password }));
    setPassword('');
  });
  const confirm = step(async () => {
    await put('/api/session/totp', { code: code.trim() });
    await onEnrolled();
  });

  return (
    <form onSubmit={secret ? confirm : start} aria-label="绑定动态口令">
      <p className="muted">
        {intro}
        {secret
          ? '请在手机的身份验证器（如 FreeOTP、Google Authenticator、微信小程序“腾讯身份验证器”）中手动添加下面的密钥，然后输入它显示的 6 位数字。'
          : '请先输入当前密码，系统随后显示要添加到手机身份验证器中的密钥。'}
      </p>
      {secret ? (
        <>
          <p>
            密钥：<code data-testid="totp-secret">{secret.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <label>
            6 位动态口令
            <input name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
          </label>
        </>
      ) : (
        <label>
          当前密码（确认是您本人在操作）
          <input name="currentPassword" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
      )}
      <ErrorNote message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {secret ? (busy ? '正在绑定…' : '绑定并继续') : busy ? '正在核对…' : '显示密钥'}
      </button>
    </form>
  );
}
