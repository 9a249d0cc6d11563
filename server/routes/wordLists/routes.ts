import { Request, Router } from 'express';
import { readRuleVersions } from '../../../workers/rules/ruleVersions';
import { recordAudit } from '../../audit/auditRecorder';
import { wordEntryCreator } from '../../commands/wordEntryCreator';
import { wordEntryDeleter } from '../../commands/wordEntryDeleter';
import { wordEntryStatusChanger } from '../../commands/wordEntryStatusChanger';
import { wordEntryUpdater } from '../../commands/wordEntryUpdater';
import { checkChange, checkEntry, invalidEntry } from '../../commands/wordEntryValidation';
import { shippedWordListMerger } from '../../commands/shippedListMerger';
import { WordImportRow, wordListImporter } from '../../commands/wordListImporter';
import { ALLOW_WORD_LIST, apiFieldsOf, TERM_LIST, WordList, WordListName, wordRowOf } from '../../commands/wordLists';
import { badRequest, fieldPhrase, notFound } from '../../errors';
import { rolesOnly } from '../../middlewares/authenticate';
import { actorOf } from '../../middlewares/requestContext';
import { idParam, validated } from '../../middlewares/validate';
import { presentWordEntry } from '../../presenters/presentWordEntry';
import { allWordEntries, listWordEntries, wordCategoriesInUse, WordListFilter } from '../../queries/wordListEntries';
import { exportQueryOf, ImportJsonSchema, ImportQuerySchema, listQueryOf, MAX_IMPORT_ROWS, MAX_TSV_BYTES, WordStatusSchema } from './schema';
import { formatWordListTsv, parseWordListTsv } from './wordListTsv';
import { isTsvUpload, refuseSpreadsheetType, splitEnabled, tsvUpload } from '../entryRequests';
import { splitExpectedUpdatedAt } from '../expectedUpdatedAt';
import { ShippedMergeSchema } from '../shippedMergeSchema';
import { refuseUndecodableEntries } from '../../lib/undecodableText';
import { goneEntry } from '../../commands/goneEntry';

const termsVersion = async () => (await readRuleVersions()).terms ?? 0;

function entryId(list: WordList, raw: unknown): number {
  const id = idParam.safeParse(raw);
  if (!id.success) throw notFound(`${list.label}中没有编号为 ${String(raw)} 的词条`);
  return id.data;
}

function filterOf(query: Record<string, unknown>): WordListFilter {
  const { q, category, severity, origin, enabled } = query as WordListFilter;
  return Object.fromEntries(Object.entries({ q, category, severity, origin, enabled }).filter(([, value]) => value !== undefined && value !== ''));
}

/** The rows of an upload: a TSV file as the request body, or JSON with `entries`. */
function importRequestOf(list: WordList, req: Request) {
  if (isTsvUpload(req)) {
    const { mode } = validated(ImportQuerySchema, req.query);
    if (typeof req.body !== 'string' || req.body.trim() === '') throw badRequest('导入的文件是空的');
    return { mode, format: 'tsv' as const, rows: parseWordListTsv(list, req.body) };
  }
  refuseSpreadsheetType(req);
  if (!req.is('application/json')) throw badRequest('导入的内容须为 TSV（Content-Type: text/tab-separated-values）或 JSON（application/json）');
  if (Object.keys(req.query).length) throw badRequest('JSON 导入的 mode 写在请求体中，不用查询参数');
  const body = validated(ImportJsonSchema, req.body);
  if (body.list !== undefined && body.list !== list.name) throw badRequest(`这是词表 ${body.list} 的导出文件，不能导入到 ${list.name}`);
  const rows: WordImportRow[] = body.entries.map((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { row: index + 1, input: entry, enabled: undefined };
    const { enabled, ...input } = entry as Record<string, unknown>;
    return { row: index + 1, input, enabled };
  });
  refuseUndecodableEntries(rows);
  return { mode: body.mode, format: 'json' as const, rows };
}

/**
 * The word lists of the sensitive-term checker, maintained by the security admin only
 * (三员分立): the terms (`/api/terms`) and the allow-words (`/api/allow-words`). Search and page
 * through them, add, change, enable or disable, delete, import and export. Every change bumps the
 * version of the rule set "terms" and reaches every running worker within seconds; every
 * screening records the version it used.
 */
export function wordListRoutes(name: WordListName): Router {
  const list = name === 'terms' ? TERM_LIST : ALLOW_WORD_LIST;
  const router = Router();
  router.use(rolesOnly(['secadmin'], '只有安全管理员可以查看和维护敏感词表与白名单'));

  router.get('/', async (req, res) => {
    const { schema, params } = listQueryOf(list, req.query);
    const query = validated(schema, params);
    const order = query.order ?? (query.sort === 'updated' ? 'desc' : 'asc');
    const [{ rows, total }, version, categories] = await Promise.all([
      listWordEntries(list, filterOf(query), { sort: query.sort, order, page: query.page, pageSize: query.pageSize }),
      termsVersion(),
      wordCategoriesInUse(list),
    ]);
    res.json({
      list: list.name,
      label: list.label,
      version,
      items: rows.map((row) => presentWordEntry(list, row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
      ...(categories ? { categories } : {}),
    });
  });

  router.post('/', async (req, res) => {
    const { fields, enabled } = splitEnabled(req.body);
    const { entry, problems } = checkEntry(list, fields);
    if (!entry) throw invalidEntry(list, problems);
    const { row, version, warnings } = await wordEntryCreator(list, entry, enabled, actorOf(req));
    res.status(201).json({ ...presentWordEntry(list, row), version, warnings });
  });

  // Export and import before /:id, which would take them for ids.
  router.get('/export', async (req, res) => {
    const { schema, params } = exportQueryOf(list, req.query);
    const { format, ...query } = validated(schema, params);
    const filter = filterOf(query);
    const [rows, version] = await Promise.all([allWordEntries(list, filter), termsVersion()]);
    const exportedAt = new Date();
    const filtered = Object.keys(filter).length > 0;
    // On record before a byte leaves: who took which list, filtered how, in which format, how many entries.
    await recordAudit(actorOf(req), {
      eventType: `${list.objectType}.export`,
      objectType: list.objectType,
      objectId: list.name,
      outcome: 'success',
      detail: { kind: list.kind, format, version, entries: rows.length, ...(filtered ? { filter } : {}) },
    });
    res.setHeader('Content-Disposition', `attachment; filename="${list.name}-v${version}${filtered ? '-filtered' : ''}.${format}"`);
    if (format === 'tsv') {
      const scope = filtered ? `筛选条件 ${Object.entries(filter).map(([name, value]) => `${name}=${String(value)}`).join('，')}` : '全部';
      const heading = [
        `${list.label}（词表 ${list.name}，规则集 terms），版本 ${version}，${scope}，共 ${rows.length} 条，导出于 ${exportedAt.toISOString()}`,
        `格式同 ${list.shippedFiles}（说明见 wordlists/README.md）；最后一列 enabled：yes 启用，no 停用`,
      ];
      res.type('text/tab-separated-values; charset=utf-8').send(formatWordListTsv(list, rows, heading));
      return;
    }
    res.json({
      list: list.name,
      label: list.label,
      version,
      exportedAt: exportedAt.toISOString(),
      ...(filtered ? { filter } : {}),
      total: rows.length,
      entries: rows.map((row) => ({ ...apiFieldsOf(list, row), enabled: row.enabled })),
    });
  });

  router.post('/import', tsvUpload(MAX_TSV_BYTES), async (req, res) => {
    const request = importRequestOf(list, req);
    if (request.rows.length > MAX_IMPORT_ROWS) throw badRequest(`一次最多导入 ${MAX_IMPORT_ROWS} 条，这次有 ${request.rows.length} 条；请分批以 merge 方式导入`);
    res.json(await wordListImporter(list, request, actorOf(req)));
  });

  /** The release's defaults of this list, merged in (see shippedListMerger): the admin's changes are kept and listed, and deleted defaults restored only when named. */
  router.post('/import-shipped', async (req, res) => {
    const { restore } = validated(ShippedMergeSchema, req.body ?? {});
    res.json(await shippedWordListMerger(list, actorOf(req), restore));
  });

  router.get('/:id', async (req, res) => {
    const id = entryId(list, req.params.id);
    const row = await list.model().findByPk(id);
    if (!row) throw goneEntry('词条');
    res.json(presentWordEntry(list, wordRowOf(list, row)));
  });

  router.put('/:id', async (req, res) => {
    const id = entryId(list, req.params.id);
    const { expectedUpdatedAt, fields: body } = splitExpectedUpdatedAt(req.body);
    if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.keys(body).length === 0) throw badRequest('没有要修改的内容');
    if ('enabled' in body) throw badRequest(`启用或停用请用 PUT /api/${list.name}/{id}/enabled`);
    if (list.textField in body) throw badRequest(`${fieldPhrase(list.textField, list.fieldLabels[list.textField])}不能修改：换一个词就是另一个词条，请删除后重新添加`);
    const { change, problems } = checkChange(list, body);
    if (!change) throw invalidEntry(list, problems);
    const { row, version, warnings } = await wordEntryUpdater(list, id, change, actorOf(req), expectedUpdatedAt);
    res.json({ ...presentWordEntry(list, row), version, warnings });
  });

  router.put('/:id/enabled', async (req, res) => {
    const id = entryId(list, req.params.id);
    const { enabled } = validated(WordStatusSchema, req.body);
    const { row, version, warnings } = await wordEntryStatusChanger(list, id, enabled, actorOf(req));
    res.json({ ...presentWordEntry(list, row), version, warnings });
  });

  router.delete('/:id', async (req, res) => {
    const id = entryId(list, req.params.id);
    const { version } = await wordEntryDeleter(list, id, actorOf(req));
    res.json({ id, deleted: true, version });
  });

  return router;
}
