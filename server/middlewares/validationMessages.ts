import { z } from 'zod';

/** How the list of an enum's choices begins: fromZod puts the values' Chinese names after it. */
export const CHOICES_PREFIX = '须为以下之一：';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否（true/false）',
  array: '列表（数组）',
  object: ' JSON 对象',
  date: '日期',
};

/**
 * Plain Chinese for the validation problems people meet most (wrong type, too long, too short,
 * not one of the choices). zod's own Chinese wording reads like a type checker's ("数值过大：期望
 * string <=2000 字符" for a text too long); a message a schema sets itself still wins, and any other
 * problem keeps zod's Chinese (the locale set beside this).
 */
export function validationMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      // A field left out, or left empty (the console sends an emptied field as null), is missing, not of the wrong type.
      if (issue.input === undefined || issue.input === null) return '必填';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big': {
      const limit = String(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${limit} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${limit} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive ? `不能大于 ${limit}` : `须小于 ${limit}`;
      return undefined;
    }
    case 'too_small': {
      const limit = String(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${limit} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${limit} 项`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return issue.inclusive ? `不能小于 ${limit}` : `须大于 ${limit}`;
      return undefined;
    }
    case 'invalid_value':
      return `${CHOICES_PREFIX}${issue.values.map(String).join('、')}`;
    default:
      return undefined;
  }
}
