import { ACCOUNT_FIELD_GROUPS, AccountField, FormValues, isRequired } from '../lib/accountFields';
import type { TeamMember } from '../lib/types';

function FieldInput({ field, value, onChange, locked, applying }: { field: AccountField; value: string | boolean; onChange(value: string | boolean): void; locked: boolean; applying: boolean }) {
  const required = isRequired(field, applying);
  const title = locked ? '已备案账号的此项须通过“变更备案”修改' : undefined;
  if (field.type === 'bool') {
    return (
      <label className="inline" title={title}>
        <input type="checkbox" name={field.name} checked={Boolean(value)} disabled={locked} onChange={(e) => onChange(e.target.checked)} /> {field.label}
      </label>
    );
  }
  const common = { name: field.name, value: String(value), disabled: locked, title, placeholder: field.placeholder, required };
  return (
    <label className={field.type === 'textarea' ? 'wide' : ''}>
      {field.label}
      {required ? <span className="required">*</span> : null}
      {field.type === 'textarea' ? (
        <textarea rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : field.type === 'select' ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {required ? null : <option value="">未填写</option>}
          {Object.entries(field.options ?? {}).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <input type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'} step={field.type === 'number' ? 'any' : undefined} {...common} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

/** The registration form's fields in the groups of the county's form; `applying` for a unit's opening application. */
export function AccountFormFields({
  values,
  onChange,
  lockControlled = false,
  applying = false,
}: {
  values: FormValues;
  onChange(values: FormValues): void;
  lockControlled?: boolean;
  applying?: boolean;
}) {
  return (
    <>
      {ACCOUNT_FIELD_GROUPS.map((group) => (
        <fieldset key={group.title}>
          <legend>{group.title}</legend>
          <div className="form-grid">
            {group.fields.map((field) => (
              <FieldInput key={field.name} field={field} value={values[field.name] ?? ''} locked={lockControlled && Boolean(field.controlled)} applying={applying} onChange={(value) => onChange({ ...values, [field.name]: value })} />
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

const MEMBER_FIELDS: Array<[keyof TeamMember, string]> = [
  ['name', '姓名'],
  ['unit', '单位'],
  ['post', '职务'],
  ['officePhone', '办公电话'],
  ['mobile', '手机'],
  ['qq', 'QQ'],
  ['wechat', '微信'],
];

/** The management team (管理团队): one row per person. */
export function TeamEditor({ team, onChange, disabled = false }: { team: TeamMember[]; onChange(team: TeamMember[]): void; disabled?: boolean }) {
  return (
    <fieldset>
      <legend>管理团队</legend>
      <table className="list compact">
        <thead>
          <tr>
            {MEMBER_FIELDS.map(([, label]) => (
              <th key={label}>{label}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {team.map((member, index) => (
            <tr key={index}>
              {MEMBER_FIELDS.map(([name, label]) => (
                <td key={name}>
                  <input
                    aria-label={`第 ${index + 1} 人${label}`}
                    value={member[name] ?? ''}
                    disabled={disabled}
                    onChange={(e) => onChange(team.map((m, i) => (i === index ? { ...m, [name]: e.target.value } : m)))}
                  />
                </td>
              ))}
              <td>
                <button type="button" className="small" disabled={disabled} onClick={() => onChange(team.filter((_, i) => i !== index))}>
                  移除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="small" disabled={disabled} onClick={() => onChange([...team, { name: '' }])}>
        添加成员
      </button>
    </fieldset>
  );
}

/** Team members as the API takes them: empty cells as null, empty rows dropped. */
export function teamBody(team: TeamMember[]): TeamMember[] {
  return team
    .filter((m) => Object.values(m).some((v) => typeof v === 'string' && v.trim()))
    .map((m) => Object.fromEntries(MEMBER_FIELDS.map(([name]) => [name, (m[name] ?? '').trim() || (name === 'name' ? '' : null)])) as unknown as TeamMember);
}
