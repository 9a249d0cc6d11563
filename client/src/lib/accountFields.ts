import { OPERATION_MODE_LABELS, PLATFORM_LABELS, REMEDIAL_MEASURE_LABELS } from './registryLabels';

/** One field of the county's registration form (备案登记表), as the console edits it. */
export interface AccountField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'date' | 'number' | 'bool' | 'select';
  options?: Record<string, string>;
  /** Once registered, the field changes only through a change record (变更备案). */
  controlled?: boolean;
  required?: boolean;
  /** Required of a unit's opening application (开设申请) only: an older account registers without it. */
  requiredToApply?: boolean;
  placeholder?: string;
}

export const ACCOUNT_FIELD_GROUPS: Array<{ title: string; fields: AccountField[] }> = [
  {
    title: '账号',
    fields: [
      { name: 'name', label: '账号名称', type: 'text', controlled: true, required: true },
      { name: 'platform', label: '平台类型', type: 'select', options: PLATFORM_LABELS, controlled: true, required: true },
      { name: 'platformOther', label: '其他平台名称', type: 'text', placeholder: '平台类型为“其他”时填写' },
      { name: 'platformAccountId', label: '账号ID', type: 'text', controlled: true },
      { name: 'openedOn', label: '创建时间', type: 'date' },
      { name: 'operationStartedOn', label: '开始运营时间', type: 'date' },
      { name: 'certified', label: '已认证', type: 'bool' },
      { name: 'certifiedSubject', label: '认证主体', type: 'text' },
      { name: 'newsLicence', label: '取得互联网新闻信息服务许可', type: 'bool' },
      { name: 'newsLicenceNo', label: '许可证编号', type: 'text' },
      { name: 'accessUrl', label: '访问链接', type: 'text', placeholder: 'https://' },
    ],
  },
  {
    title: '主管、主办、承办单位',
    fields: [
      { name: 'supervisorUnit', label: '主管单位', type: 'text' },
      { name: 'ownerUnit', label: '主办单位', type: 'text', required: true },
      { name: 'ownerLeader', label: '主办单位负责人', type: 'text' },
      { name: 'ownerLeaderTitle', label: '负责人职务', type: 'text' },
      { name: 'ownerContact', label: '主办单位联系方式', type: 'text' },
      { name: 'operatorUnit', label: '承办单位', type: 'text', controlled: true },
      { name: 'operatorLeader', label: '承办单位负责人', type: 'text', controlled: true },
      { name: 'operatorLeaderTitle', label: '负责人职务', type: 'text', controlled: true },
      { name: 'operatorContact', label: '承办单位联系方式', type: 'text', controlled: true },
    ],
  },
  {
    title: '运营情况',
    fields: [
      { name: 'description', label: '基本情况', type: 'textarea' },
      { name: 'followers', label: '关注人数', type: 'number' },
      { name: 'readCount', label: '阅读量', type: 'number' },
      { name: 'postingFrequency', label: '更新频率', type: 'text', placeholder: '如 每周 3 次' },
      { name: 'operationMode', label: '运维方式', type: 'select', options: OPERATION_MODE_LABELS },
      { name: 'yearlyBudget', label: '年度经费预算（万元）', type: 'number' },
      { name: 'staffCount', label: '运维人数', type: 'number' },
      { name: 'basicFunctions', label: '基本功能', type: 'text' },
      { name: 'remedialMeasure', label: '整改措施', type: 'select', options: REMEDIAL_MEASURE_LABELS },
    ],
  },
  {
    title: '理由与意见',
    fields: [
      { name: 'openingReason', label: '开设理由', type: 'textarea', requiredToApply: true },
      { name: 'ownerOpinion', label: '主办单位意见', type: 'textarea' },
    ],
  },
];

export const ACCOUNT_FIELDS = ACCOUNT_FIELD_GROUPS.flatMap((g) => g.fields);

export type FormValues = Record<string, string | boolean>;

/** The form's values from a stored record (or empty for a new one). */
export function formValuesOf(record: Record<string, unknown> | null): FormValues {
  const values: FormValues = {};
  for (const field of ACCOUNT_FIELDS) {
    const value = record?.[field.name];
    if (field.type === 'bool') values[field.name] = Boolean(value);
    else values[field.name] = value === null || value === undefined ? '' : String(value);
  }
  if (!record) values.platform = 'wechat_subscription';
  return values;
}

/** Whether the form must have the field filled in: `applying` for a unit's opening application. */
export function isRequired(field: AccountField, applying: boolean): boolean {
  return Boolean(field.required || (applying && field.requiredToApply));
}

/**
 * What the API takes: numbers as numbers, an empty date or choice as null, empty text as ''
 * (the server reads it as not filled in, and names a required one in its own words, where null
 * would only be refused as "not text"). Only the named fields.
 */
export function bodyOf(values: FormValues, fields: AccountField[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.type === 'bool') body[field.name] = Boolean(value);
    else if (value === '' || value === undefined) body[field.name] = field.required || field.type === 'text' || field.type === 'textarea' ? '' : null;
    else if (field.type === 'number') body[field.name] = Number(value);
    else body[field.name] = value;
  }
  return body;
}
