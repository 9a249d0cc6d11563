import { Op, QueryTypes } from 'sequelize';
import { readRuleVersions } from '../../workers/rules/ruleVersions';
import { badRequest } from '../errors';
import { now } from '../lib/clock';
import { addDays, asDateString, countyDate, countyDayStart, mondayOf, monthBounds } from '../lib/countyDate';
import { Account, AccountInteraction, FindingRecord, Publication, RescreenBatch, Unit } from '../models';
import { accountStatusLabel, platformLabel } from '../models/Account';
import { FreshnessThresholds, readThresholds } from '../registry/freshnessThresholds';
import { CHECKER_LABELS, isVetoFinding, REPORT_ITEM_LABELS, REPORT_ITEMS, ReportItem, SEVERITY_LABELS } from '../registry/reportVocabulary';
import { daysNotPaused, longestUpdateGap } from '../registry/updateGaps';
import { sequelize } from '../storage/database';
import { pausesOf } from './accountPauses';
import { statusesAt } from './accountStatusAt';

export interface ReportProblem {
  veto: boolean;
  item: ReportItem;
  itemLabel: string;
  /** rescreen: found by re-screening with the current lists; override: approved despite the finding; gap; interaction. */
  basis: 'rescreen' | 'override' | 'gap' | 'interaction';
  unitId: number;
  unitName: string;
  accountId: number;
  accountName: string;
  draftId: number | null;
  title: string | null;
  publishedAt: Date | null;
  url: string | null;
  checker: string | null;
  severity: string | null;
  text: string | null;
  description: string;
}

interface PublishedPost {
  publication: Publication;
  title: string;
}

interface ScreeningRow {
  id: number;
  revision_id: number;
  trigger: string;
  list_versions: string;
  created_at: Date;
}

const problemOrder = (p: ReportProblem) => [p.veto ? 0 : 1, REPORT_ITEMS.indexOf(p.item), p.publishedAt?.getTime() ?? 0] as const;
function compareProblems(a: ReportProblem, b: ReportProblem): number {
  const [x, y] = [problemOrder(a), problemOrder(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return a.accountName.localeCompare(b.accountName, 'zh-CN');
}

function usesCurrentLists(listVersions: string, current: Record<string, number>): boolean {
  const used = JSON.parse(listVersions) as Record<string, number>;
  return Object.entries(current).every(([kind, version]) => (used[kind] ?? 0) >= version);
}

/** The screenings a report rests on: the submission screening and the latest re-screening of each revision. */
async function screeningsOf(revisionIds: number[]) {
  if (!revisionIds.length) return { submit: new Map<number, ScreeningRow>(), rescreen: new Map<number, ScreeningRow>(), findings: new Map<number, FindingRecord[]>() };
  const rows = await sequelize().query<ScreeningRow>(
    `SELECT id, revision_id, \`trigger\`, list_versions, created_at FROM screenings
     WHERE revision_id IN (?) AND (\`trigger\` = 'submit' OR \`trigger\` LIKE 'rescreen-%') ORDER BY id ASC`,
    { replacements: [revisionIds], type: QueryTypes.SELECT },
  );
  const submit = new Map<number, ScreeningRow>();
  const rescreen = new Map<number, ScreeningRow>();
  for (const row of rows) (row.trigger === 'submit' ? submit : rescreen).set(Number(row.revision_id), row);
  const screeningIds = [...submit.values(), ...rescreen.values()].map((r) => Number(r.id));
  const records = screeningIds.length ? await FindingRecord.findAll({ where: { screeningId: screeningIds }, order: [['id', 'ASC']] }) : [];
  const findings = new Map<number, FindingRecord[]>();
  for (const record of records) {
    const list = findings.get(Number(record.screeningId)) ?? [];
    list.push(record);
    findings.set(Number(record.screeningId), list);
  }
  return { submit, rescreen, findings };
}

/** Who approved each revision, level by level, for the findings they overrode. */
async function approversOf(revisionIds: number[]): Promise<Map<number, string[]>> {
  if (!revisionIds.length) return new Map();
  const rows = await sequelize().query<{ revision_id: number; level: number; username: string; display_name: string | null }>(
    `SELECT r.revision_id, r.level, u.username, u.display_name FROM reviews r JOIN users u ON u.id = r.reviewer_id
     WHERE r.revision_id IN (?) AND r.decision = 'approve' ORDER BY r.level ASC`,
    { replacements: [revisionIds], type: QueryTypes.SELECT },
  );
  const approvers = new Map<number, string[]>();
  for (const row of rows) {
    const list = approvers.get(Number(row.revision_id)) ?? [];
    list.push(`${row.display_name || row.username}（第 ${row.level} 级）`);
    approvers.set(Number(row.revision_id), list);
  }
  return approvers;
}

const sameSpot = (a: FindingRecord, b: FindingRecord) => a.checker === b.checker && a.field === b.field && a.startOffset === b.startOffset && a.endOffset === b.endOffset && a.text === b.text;

export interface MonthlyReportOptions {
  month: string;
  scopeUnitId: number | null;
  unitId?: number;
  accountId?: number;
}

/**
 * The monthly spot-check (月度抽查) of accounts on the county's three items:
 * - 信息规范: findings of the latest re-screening of each published revision (with the current
 *   lists when a re-screening batch of published drafts ran after the last list change), and the
 *   findings of the submission screening that reviewers approved anyway;
 * - 内容更新: posts per day and per week, the longest gap, the two-week no-update line;
 * - 互动回应: the figures entered by hand for the month.
 * Veto-class problems come first.
 */
export async function monthlyReport(options: MonthlyReportOptions) {
  const { month } = options;
  const { first, last, next } = monthBounds(month);
  const today = countyDate(now());
  if (first > today) throw badRequest('不能生成尚未开始的月份的报告');
  const through = last < today ? last : today;
  const periodStart = countyDayStart(first);
  const periodEnd = new Date(Math.min(countyDayStart(next).getTime(), now().getTime()));
  const thresholds: FreshnessThresholds = await readThresholds();
  const currentLists = await readRuleVersions();

  // The accounts checked: registered in scope, operating (or publishing) in the month.
  const unitFilter = options.scopeUnitId ?? options.unitId ?? null;
  const candidates = await Account.findAll({
    where: {
      ...(unitFilter !== null ? { unitId: unitFilter } : {}),
      ...(options.accountId ? { id: options.accountId } : {}),
      status: ['normal', 'suspended', 'deregistered', 'shutdown'],
    },
    order: [['unitId', 'ASC'], ['id', 'ASC']],
  });
  const publications = candidates.length
    ? await Publication.findAll({
        where: { accountId: candidates.map((a) => a.id), publishedAt: { [Op.gte]: periodStart, [Op.lt]: periodEnd } },
        order: [['publishedAt', 'ASC'], ['id', 'ASC']],
      })
    : [];
  // Judged by the status at the end of the period, not by what happened to the account since.
  const statusAtEnd = await statusesAt(candidates, periodEnd);
  const statusOf = (a: Account) => statusAtEnd.get(a.id) ?? a.status;
  const accounts = candidates.filter((a) => {
    const registered = a.registeredAt ?? a.createdAt;
    if (registered >= periodEnd) return false;
    const status = statusOf(a);
    return status === 'normal' || status === 'suspended' || publications.some((p) => p.accountId === a.id);
  });
  const units = new Map((await Unit.findAll({ where: { id: [...new Set(accounts.map((a) => a.unitId))] } })).map((u) => [u.id, u]));

  const draftIds = [...new Set(publications.map((p) => p.draftId))];
  const titles = new Map<number, string>();
  if (draftIds.length) {
    const rows = await sequelize().query<{ id: number; title: string }>('SELECT id, title FROM revisions WHERE id IN (?)', {
      replacements: [[...new Set(publications.map((p) => p.revisionId))]],
      type: QueryTypes.SELECT,
    });
    for (const row of rows) titles.set(Number(row.id), row.title);
  }
  const revisionIds = [...new Set(publications.map((p) => p.revisionId))];
  const screenings = await screeningsOf(revisionIds);
  const approvers = await approversOf(revisionIds);
  const previous = new Map<number, Date>();
  if (accounts.length) {
    const rows = await sequelize().query<{ account_id: number; last: Date }>(
      'SELECT account_id, MAX(published_at) AS last FROM publications WHERE account_id IN (?) AND published_at < ? GROUP BY account_id',
      { replacements: [accounts.map((a) => a.id), periodStart], type: QueryTypes.SELECT },
    );
    for (const row of rows) previous.set(Number(row.account_id), new Date(row.last));
  }
  const pauses = await pausesOf(accounts.map((a) => a.id), periodEnd);
  const interactions = new Map(
    (accounts.length ? await AccountInteraction.findAll({ where: { accountId: accounts.map((a) => a.id), period: month } }) : []).map((i) => [i.accountId, i]),
  );

  const accountReports = accounts.map((account) => {
    const unit = units.get(account.unitId);
    const base = { unitId: account.unitId, unitName: unit?.name ?? '', accountId: account.id, accountName: account.name };
    const posts: PublishedPost[] = publications.filter((p) => p.accountId === account.id).map((publication) => ({ publication, title: titles.get(publication.revisionId) ?? '' }));
    const problems: ReportProblem[] = [];

    // 信息规范
    const content = { posts: posts.length, rescreened: 0, rescreenedWithCurrentLists: 0, findings: { block: 0, review: 0, notice: 0 }, overridden: 0, veto: 0 };
    for (const { publication, title } of posts) {
      const post = { draftId: publication.draftId, title, publishedAt: publication.publishedAt, url: publication.url };
      const submit = screenings.submit.get(publication.revisionId);
      const overridden = (submit ? screenings.findings.get(Number(submit.id)) ?? [] : []).filter((f) => f.severity !== 'notice');
      const rescreen = screenings.rescreen.get(publication.revisionId);
      const rescreenFindings = rescreen ? screenings.findings.get(Number(rescreen.id)) ?? [] : [];
      if (rescreen) {
        content.rescreened++;
        if (usesCurrentLists(rescreen.list_versions, currentLists)) content.rescreenedWithCurrentLists++;
        for (const f of rescreenFindings) content.findings[f.severity]++;
      }
      const who = (approvers.get(publication.revisionId) ?? []).join('、');
      for (const f of overridden) {
        const still = rescreen ? rescreenFindings.some((r) => sameSpot(r, f)) : null;
        content.overridden++;
        if (isVetoFinding(f)) content.veto++;
        problems.push({
          ...base, ...post, veto: isVetoFinding(f), item: 'content', itemLabel: REPORT_ITEM_LABELS.content, basis: 'override',
          checker: f.checker, severity: f.severity, text: f.text,
          description: `机器预审${SEVERITY_LABELS[f.severity]}（${CHECKER_LABELS[f.checker] ?? f.checker}）“${f.text}”，经${who || '审核人员'}审核放行${still === true ? '；按现行词库重新筛查仍命中' : still === false ? '；按现行词库重新筛查已不再命中' : ''}`,
        });
      }
      for (const f of rescreenFindings) {
        if (f.severity === 'notice' || overridden.some((o) => sameSpot(o, f))) continue;
        if (isVetoFinding(f)) content.veto++;
        problems.push({
          ...base, ...post, veto: isVetoFinding(f), item: 'content', itemLabel: REPORT_ITEM_LABELS.content, basis: 'rescreen',
          checker: f.checker, severity: f.severity, text: f.text,
          description: `按现行词库重新筛查发现${SEVERITY_LABELS[f.severity]}（${CHECKER_LABELS[f.checker] ?? f.checker}）“${f.text}”${f.suggestion ? `，建议：${f.suggestion}` : ''}`,
        });
      }
    }

    // 内容更新
    const dates = posts.map((p) => countyDate(p.publication.publishedAt));
    const daily: Array<{ date: string; posts: number }> = [];
    for (let day = first; day <= through; day = addDays(day, 1)) daily.push({ date: day, posts: dates.filter((d) => d === day).length });
    const weeks: Array<{ start: string; end: string; posts: number }> = [];
    for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
      const start = monday < first ? first : monday;
      const sunday = addDays(monday, 6);
      const end = sunday > last ? last : sunday;
      weeks.push({ start, end, posts: dates.filter((d) => d >= start && d <= end).length });
    }
    const registered = countyDate(account.registeredAt ?? account.createdAt);
    const started = asDateString(account.operationStartedOn);
    const baseline = started && started > registered ? started : registered;
    const previousDate = previous.get(account.id);
    const from = previousDate ? countyDate(previousDate) : baseline > first ? baseline : first;
    // Days the account was suspended are not silence: they count neither in the gap nor in the weekly rate.
    const accountPauses = pauses.get(account.id) ?? [];
    const longestGap = longestUpdateGap(from, through, dates, accountPauses);
    const status = statusOf(account);
    const applicable = status === 'normal';
    // An account registered (or started) during the month is measured over its own days in it.
    const countedFrom = baseline > first ? baseline : first;
    const periodDays = Math.max(1, daysNotPaused(countedFrom, through, accountPauses));
    const updates = {
      applicable,
      posts: posts.length,
      postsPerWeek: Math.round((posts.length / (periodDays / 7)) * 100) / 100,
      weeks,
      daily,
      longestGapDays: longestGap.days,
      longestGap: { from: longestGap.from, to: longestGap.to },
      overdueLineCrossed: applicable && longestGap.days >= thresholds.overdueDays,
    };
    if (updates.overdueLineCrossed) {
      problems.push({
        ...base, draftId: null, title: null, publishedAt: null, url: null, checker: null, severity: null, text: null,
        veto: true, item: 'updates', itemLabel: REPORT_ITEM_LABELS.updates, basis: 'gap',
        description: `${longestGap.from} 至 ${longestGap.to} 连续 ${longestGap.days} 天未更新（超过 ${thresholds.overdueDays} 天未更新为单项否决）`,
      });
    }

    // 互动回应
    const figures = interactions.get(account.id);
    const interaction = figures
      ? {
          received: figures.received,
          answered: figures.answered,
          answeredLate: figures.answeredLate,
          unanswered: figures.received - figures.answered,
          answerRate: figures.received ? Math.round((figures.answered / figures.received) * 1000) / 10 : null,
          note: figures.note,
        }
      : null;
    const noPost = { draftId: null, title: null, publishedAt: null, url: null, checker: null, severity: null, text: null };
    if (interaction && interaction.unanswered > 0) {
      problems.push({ ...base, ...noPost, veto: false, item: 'interaction', itemLabel: REPORT_ITEM_LABELS.interaction, basis: 'interaction', description: `${interaction.unanswered} 条留言未回复` });
    }
    if (interaction && interaction.answeredLate > 0) {
      problems.push({ ...base, ...noPost, veto: false, item: 'interaction', itemLabel: REPORT_ITEM_LABELS.interaction, basis: 'interaction', description: `${interaction.answeredLate} 条留言超时回复` });
    }
    if (!interaction && applicable) {
      problems.push({ ...base, ...noPost, veto: false, item: 'interaction', itemLabel: REPORT_ITEM_LABELS.interaction, basis: 'interaction', description: '本月未填报互动回应数据' });
    }
    problems.sort(compareProblems);
    return {
      accountId: account.id,
      unitId: account.unitId,
      unitName: unit?.name ?? '',
      name: account.name,
      platform: account.platform,
      platformLabel: platformLabel(account),
      status,
      statusLabel: accountStatusLabel(status),
      content,
      updates,
      interaction,
      vetoCount: problems.filter((p) => p.veto).length,
      problems,
    };
  });

  const unitReports = [...units.values()]
    .sort((a, b) => a.id - b.id)
    .map((unit) => {
      const own = accountReports.filter((r) => r.unitId === unit.id);
      const problems = own.flatMap((r) => r.problems).sort(compareProblems);
      return {
        unitId: unit.id,
        unitName: unit.name,
        totals: {
          accounts: own.length,
          posts: own.reduce((sum, r) => sum + r.updates.posts, 0),
          findings: own.reduce((sum, r) => sum + r.content.findings.block + r.content.findings.review, 0),
          overridden: own.reduce((sum, r) => sum + r.content.overridden, 0),
          overdueAccounts: own.filter((r) => r.updates.overdueLineCrossed).length,
          received: own.reduce((sum, r) => sum + (r.interaction?.received ?? 0), 0),
          answered: own.reduce((sum, r) => sum + (r.interaction?.answered ?? 0), 0),
          vetoProblems: problems.filter((p) => p.veto).length,
          problems: problems.length,
        },
        accounts: own,
        problems,
      };
    });

  const batch = await RescreenBatch.findOne({ where: { scope: 'published' }, order: [['id', 'DESC']] });
  return {
    month,
    period: { first, last, through },
    generatedAt: now(),
    thresholds,
    currentListVersions: currentLists,
    rescreen: batch
      ? {
          batchId: batch.id,
          createdAt: batch.createdAt,
          finishedAt: batch.finishedAt ?? null,
          withCurrentLists: usesCurrentLists(batch.listVersions, currentLists),
        }
      : null,
    units: unitReports,
    problems: unitReports.flatMap((u) => u.problems).sort(compareProblems),
  };
}
export type MonthlyReport = Awaited<ReturnType<typeof monthlyReport>>;
export type AccountMonth = MonthlyReport['units'][number]['accounts'][number];
