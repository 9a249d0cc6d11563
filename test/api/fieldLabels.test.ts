import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FIELD_NAMES } from '../../server/fieldLabels';
import { fieldPathPhrase } from '../../server/fieldPaths';

/** Every key of every object a schema reads, nested ones included (lists, optional, lazy menus …). */
function fieldNames(schema: unknown, names = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!(schema instanceof z.ZodType) || seen.has(schema)) return names;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'object') {
    for (const [name, field] of Object.entries(def.shape as Record<string, unknown>)) {
      names.add(name);
      fieldNames(field, names, seen);
    }
  }
  if (def.type === 'lazy') fieldNames((def.getter as () => unknown)(), names, seen);
  for (const key of ['innerType', 'in', 'out', 'element', 'left', 'right', 'valueType']) fieldNames(def[key], names, seen);
  for (const option of (def.options as unknown[] | undefined) ?? []) fieldNames(option, names, seen);
  return names;
}

/** The request schemas of every route: each routes/<area>/schema module. */
async function routeSchemas(): Promise<Array<[string, unknown]>> {
  const routes = path.join(__dirname, '../../server/routes');
  const schemas: Array<[string, unknown]> = [];
  for (const area of fs.readdirSync(routes)) {
    const file = path.join(routes, area, 'schema.js');
    if (!fs.existsSync(file)) continue;
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (value instanceof z.ZodType) schemas.push([`${area}/${name}`, value]);
  }
  return schemas;
}

describe('validation messages name every field in Chinese', () => {
  it('every field of every route schema has a Chinese label', async () => {
    const schemas = await routeSchemas();
    assert.ok(schemas.length > 20, `found only ${schemas.length} schemas`);
    const unlabelled = schemas.flatMap(([where, schema]) => [...fieldNames(schema)].filter((name) => !FIELD_NAMES[name]).map((name) => `${where}: ${name}`));
    assert.deepEqual(unlabelled, [], 'add these to server/fieldLabels.ts');
  });

  it('reads a nested path as words', () => {
    assert.equal(fieldPathPhrase(['team', 0, 'mobile']), '第1位管理团队成员的手机号码');
    assert.equal(fieldPathPhrase(['team', 2, 'name']), '第3位管理团队成员的姓名');
    assert.equal(fieldPathPhrase(['days', 1, 'note']), '第2天的备注');
    assert.equal(fieldPathPhrase(['items', 0, 'children', 1, 'name']), '第1个菜单的第2个下级菜单的菜单名称');
    assert.equal(fieldPathPhrase(['changes', 'team', 0, 'qq']), '变更内容的第1位管理团队成员的QQ号');
  });
});
