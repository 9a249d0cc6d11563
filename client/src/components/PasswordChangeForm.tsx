import { FormEvent, ReactNode, useState } from 'react';
import { get, messageOf, put } from '../lib/api';
import { useBusy } from '../lib/useBusy';
import { useFetch } from '../lib/useFetch';
import { ErrorNote } from './Badges';

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
      新密码至少 {rules.minLength} 位，须包含大写字母、小写字母、数字、符号中的至少 {rules.minClasses} 类，不能包含用户名，不能是加了数字符号的常见密码（如 Password1、Admin@123），不能与最近 {rules.history} 次用过的密码相同。
    </p>
  );
}

/**
 * The current password, the new one twice, and the rules it must meet. Used where a change is
 * required before anything else, and on 账户安全 where a person changes it by choice.
 */
export function PasswordChangeForm({ onChanged, children }: { onChanged: () => Promise<void> | void; children?: ReactNode }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useBusy();
  const rules = useFetch(() => get<PasswordRules>('/api/session/password'), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) {
      setError('两次输入的新密码不一致');
      return;
    }
    setError(null);
    await run(async () => {
      try {
        await put('/api/session/password', { currentPassword: current, newPassword: next });
        setCurrent('');
        setNext('');
        setAgain('');
        await onChanged();
      } catch (caught) {
        setError(messageOf(caught));
      }
    });
  };

  return (
    <form onSubmit={submit} aria-label="修改密码">
      {children}
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
    </form>
  );
}
