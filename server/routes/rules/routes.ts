import { Request, Router } from 'express';
import { readRuleVersions } from '../../../workers/rules/ruleVersions';
import { recordAudit } from '../../audit/auditRecorder';
import { ruleEntryCreator } from '../../commands/ruleEntryCreator';
import { ruleEntryDeleter } from '../../commands/ruleEntryDeleter';
import { ruleEntryStatusChanger } from '../../commands/ruleEntryStatusChanger';
import { ruleEntryUpdater } from '../../commands/ruleEntryUpdater';
import { validatedEntry } from '../../commands/ruleEntryValidation';
import { rulePatternWarnings } from '../../commands/rulePatternWarnings';
import { ImportRow, ruleImporter } from '../../commands/ruleImporter';
import { shippedRulesMerger } from '../../commands/shippedListMerger';
import { modelOf, RULE_TABLES, ruleTableOf, RuleTable, storedEntry } from '../../commands/ruleTables';
import { badRequest, fieldPhrase, notFound } from '../../errors';
import { rolesOnly } from '../../middlewares/authenticate';
import { actorOf } from '../../middlewares/requestContext';
import { idParam, validated } from '../../middlewares/validate';
import { presentRuleEntry } from '../../presenters/presentRuleEntry';
import { listRuleEntries, ruleCategoriesInUse } from '../../queries/ruleEntryList';
import { formatRuleTsv, parseRuleTsv } from './ruleTsv';
import { MAX_IMPORT_ROWS, RuleExportQuerySchema, RuleImportJsonSchema, RuleImportQuerySchema, RuleListQuerySchema, RuleStatusSchema } from './schema';
import { isTsvUpload, refuseSpreadsheetType, splitEnabled, tsvUpload } from '../entryRequests';
import { ShippedMergeSchema } from '../shippedMergeSchema';
import { refuseUndecodableEntries } from '../../lib/undecodableText';
import { splitExpectedUpdatedAt } from '../expectedUpdatedAt';
import { goneEntry } from '../../commands/goneEntry';

function tableOf(kind: unknown): RuleTable {
  const table = typeof kind === 'string' ? ruleTableOf(kind) : undefined;
  if (!table) throw notFound(`没有这种规则集：${String(kind)}；可用的有 ${RULE_TABLES.map((t) => t.kind).join('、')}`);
  return table;
}

function entryId(table: RuleTable, raw: unknown): number {
  const id = idParam.safeParse(raw);
  if (!id.success) throw notFound(`找不到${table.label}中编号为 ${String(raw)} 的规则`);
  return id.data;
}

/** The kind's own filters (category, matchType, severity …), each value checked by the entry schema. */
function fieldFilters(table: RuleTable, query: Record<string, unknown>): { fields: Record<string, string>; effectiveOn?: string } {
  const common = new Set(Object.keys(RuleListQuerySchema.shape));
  const fields: Record<string, string> = {};
  let effectiveOn: string | undefined;
  for (const [name, value] of Object.entries(query)) {
    if (common.has(name)) continue;
    if (typeof value !== 'string') throw badRequest(`查询参数 ${name} 只能出现一次`);
    if (name === 'effectiveOn' && table.periodOf) {
      const day = table.schema.shape.validFrom!.safeParse(value);
      if (!day.success || !day.data) throw badRequest('有效日期（effectiveOn）：须为真实的日期，写成 YYYY-MM-DD');
      effectiveOn = String(day.data);
      continue;
    }
    if (!table.filterFields.includes(name)) {
      const accepted = ['q', 'enabled', 'origin', 'sort', 'page', 'pageSize', ...table.filterFields, ...(table.periodOf ? ['effectiveOn'] : [])];
      throw badRequest(`不接受的查询参数：${name}；${table.label}可用 ${accepted.join('、')}`);
    }
    const parsed = table.schema.shape[name]!.safeParse(value);
    if (!parsed.success) throw badRequest(`查询参数${fieldPhrase(name, table.fieldLabels[name])}的值“${value}”无效`);
    fields[name] = String(parsed.data);
  }
  return { fields, effectiveOn };
}

/** The rows of an upload: a TSV file as the request body, or JSON with `entries`. */
function importRequestOf(table: RuleTable, req: Request) {
  if (isTsvUpload(req)) {
    const { mode } = validated(RuleImportQuerySchema, req.query);
    if (typeof req.body !== 'string' || req.body.trim() === '') throw badRequest('导入的文件是空的');
    return { mode, format: 'tsv' as const, rows: parseRuleTsv(table, req.body) };
  }
  refuseSpreadsheetType(req);
  if (!req.is('application/json')) throw badRequest('导入的内容须为 TSV（Content-Type: text/tab-separated-values）或 JSON（application/json）');
  const body = validated(RuleImportJsonSchema, req.body);
  if (body.kind !== undefined && body.kind !== table.kind) throw badRequest(`这是规则集 ${body.kind} 的导出文件，不能导入到 ${table.kind}`);
  const rows: ImportRow[] = body.entries.map((entry, index) => {
    const { fields, enabled } = typeof entry === 'object' && entry !== null && !Array.isArray(entry)
      ? (({ enabled: e, ...rest }) => ({ fields: rest, enabled: e }))(entry as Record<string, unknown>)
      : { fields: entry, enabled: undefined };
    return { row: index + 1, input: fields, enabled };
  });
  refuseUndecodableEntries(rows);
  return { mode: body.mode, format: 'json' as const, rows };
}

/**
 * The rule tables of the checkers beyond word lists (repost sources, links, advertising language,
 * secrecy markings, personal-data policies, wording rules, formulations), maintained by the
 * security admin only (三员分立): list, read, add, change, enable/disable, delete, import, export.
 * Every change bumps the rule set's version and reaches running workers within seconds.
 */
export function ruleRoutes(): Router {
  const router = Router();
  router.use(rolesOnly(['secadmin'], '只有安全管理员可以查看和维护筛查规则'));

  router.get('/', async (_req, res) => {
    const versions = await readRuleVersions();
    const items = await Promise.all(
      RULE_TABLES.map(async (table) => {
        const model = modelOf(table);
        const [total, enabled] = await Promise.all([model.count(), model.count({ where: { enabled: true } })]);
        return { kind: table.kind, label: table.label, version: versions[table.kind] ?? 0, total, enabled, fields: table.fields, columns: table.columns };
      }),
    );
    res.json({ items });
  });

  router.get('/:kind', async (req, res) => {
    const table = tableOf(req.params.kind);
    const query = req.query as Record<string, unknown>;
    const common = validated(RuleListQuerySchema, Object.fromEntries(Object.entries(query).filter(([name]) => name in RuleListQuerySchema.shape)));
    const { fields, effectiveOn } = fieldFilters(table, query);
    const [{ rows, total }, categories, versions] = await Promise.all([listRuleEntries(table, { ...common, fields, effectiveOn }), ruleCategoriesInUse(table), readRuleVersions()]);
    res.json({
      kind: table.kind,
      label: table.label,
      version: versions[table.kind] ?? 0,
      items: rows.map((row) => presentRuleEntry(table, row)),
      total,
      page: common.page,
      pageSize: common.pageSize,
      ...(categories ? { categories } : {}),
    });
  });

  router.post('/:kind', async (req, res) => {
    const table = tableOf(req.params.kind);
    const { fields, enabled } = splitEnabled(req.body);
    const entry = validatedEntry(table, fields);
    const { row, version } = await ruleEntryCreator(table, entry, enabled, actorOf(req));
    res.status(201).json({ ...presentRuleEntry(table, row), version, warnings: rulePatternWarnings(entry) });
  });

  // Export and import before /:kind/:id, which would take them for ids.
  router.get('/:kind/export', async (req, res) => {
    const table = tableOf(req.params.kind);
    const { format } = validated(RuleExportQuerySchema, req.query);
    const rows = await modelOf(table).findAll({ order: [['id', 'ASC']] });
    const version = (await readRuleVersions())[table.kind] ?? 0;
    const exportedAt = new Date();
    // On record before a byte leaves: who took which rule set, in which format, how many entries.
    await recordAudit(actorOf(req), {
      eventType: 'rule.export',
      objectType: 'rule',
      objectId: table.kind,
      outcome: 'success',
      detail: { kind: table.kind, format, version, entries: rows.length },
    });
    const fileName = `${table.kind}-v${version}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    if (format === 'tsv') {
      res.type('text/tab-separated-values; charset=utf-8').send(formatRuleTsv(table, rows, version, exportedAt));
      return;
    }
    res.json({
      kind: table.kind,
      label: table.label,
      version,
      exportedAt: exportedAt.toISOString(),
      entries: rows.map((row) => ({ ...storedEntry(table, row), enabled: Boolean(row.get('enabled')) })),
    });
  });

  router.post(
    '/:kind/import',
    tsvUpload('4mb'),
    async (req, res) => {
      const table = tableOf(req.params.kind);
      const request = importRequestOf(table, req);
      if (request.rows.length > MAX_IMPORT_ROWS) throw badRequest(`一次最多导入 ${MAX_IMPORT_ROWS} 条规则，这次有 ${request.rows.length} 条；请分批以 merge 方式导入`);
      res.json(await ruleImporter(table, request, actorOf(req)));
    },
  );

  /** The release's defaults of this table, merged in (see shippedListMerger): the admin's changes are kept and listed, and deleted defaults restored only when named. */
  router.post('/:kind/import-shipped', async (req, res) => {
    const table = tableOf(req.params.kind);
    const { restore } = validated(ShippedMergeSchema, req.body ?? {});
    res.json(await shippedRulesMerger(table, actorOf(req), restore));
  });

  router.get('/:kind/:id', async (req, res) => {
    const table = tableOf(req.params.kind);
    const id = entryId(table, req.params.id);
    const row = await modelOf(table).findByPk(id);
    if (!row) throw goneEntry('规则');
    res.json(presentRuleEntry(table, row));
  });

  router.put('/:kind/:id', async (req, res) => {
    const table = tableOf(req.params.kind);
    const id = entryId(table, req.params.id);
    const { expectedUpdatedAt, fields: body } = splitExpectedUpdatedAt(req.body);
    if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length === 0) throw badRequest('没有要修改的内容');
    if ('enabled' in body) throw badRequest('启用或停用请用 PUT /api/rules/{kind}/{id}/enabled');
    const { row, version } = await ruleEntryUpdater(table, id, body as Record<string, unknown>, actorOf(req), expectedUpdatedAt);
    res.json({ ...presentRuleEntry(table, row), version, warnings: rulePatternWarnings(storedEntry(table, row)) });
  });

  router.put('/:kind/:id/enabled', async (req, res) => {
    const table = tableOf(req.params.kind);
    const id = entryId(table, req.params.id);
    const { enabled } = validated(RuleStatusSchema, req.body);
    const { row, version } = await ruleEntryStatusChanger(table, id, enabled, actorOf(req));
    res.json({ ...presentRuleEntry(table, row), version });
  });

  router.delete('/:kind/:id', async (req, res) => {
    const table = tableOf(req.params.kind);
    const id = entryId(table, req.params.id);
    const { version } = await ruleEntryDeleter(table, id, actorOf(req));
    res.json({ id, ruleId: `${table.kind}-${id}`, deleted: true, version });
  });

  return router;
}
