import ExcelJS from 'exceljs';
import { countyDate } from '../lib/countyDate';
import type { MonthlyReport } from '../queries/monthlyReport';
import { CHECKER_LABELS } from './reportVocabulary';

const BASIS_LABELS: Record<string, string> = { rescreen: '按现行词库重新筛查', override: '审核放行的机器提示', gap: '更新间隔', interaction: '互动回应数据' };

function titled(sheet: ExcelJS.Worksheet, title: string, width: number): void {
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
}

/**
 * The monthly spot-check as an .xlsx file: a summary per account, the problem list (veto-class
 * problems first) and the posts per week.
 */
export async function buildMonthlyReportWorkbook(report: MonthlyReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const accounts = report.units.flatMap((u) => u.accounts);

  const summary = workbook.addWorksheet('汇总');
  const summaryHeader = ['单位', '账号', '平台', '状态', '发稿数', '周均发稿', '最长间隔（天）', '超两周未更新', '重新筛查发现问题', '审核放行的机器提示', '否决项', '收到留言', '已回复', '回复率（%）', '问题数'];
  titled(summary, `政务新媒体月度抽查汇总（${report.month}）`, summaryHeader.length);
  summary.addRow([`统计区间：${report.period.first} 至 ${report.period.through}　生成时间：${countyDate(report.generatedAt)}`]);
  summary.addRow(summaryHeader).font = { bold: true };
  for (const a of accounts) {
    summary.addRow([
      a.unitName,
      a.name,
      a.platformLabel,
      a.statusLabel,
      a.updates.posts,
      a.updates.postsPerWeek,
      a.updates.longestGapDays,
      a.updates.overdueLineCrossed ? '是' : '否',
      a.content.findings.block + a.content.findings.review,
      a.content.overridden,
      a.vetoCount,
      a.interaction?.received ?? null,
      a.interaction?.answered ?? null,
      a.interaction?.answerRate ?? null,
      a.problems.length,
    ]);
  }
  summary.columns.forEach((column, i) => (column.width = i < 2 ? 22 : 12));

  const problems = workbook.addWorksheet('问题清单');
  const problemHeader = ['序号', '否决项', '检查项目', '单位', '账号', '稿件标题', '发布时间', '链接', '问题', '检查类别', '依据'];
  titled(problems, `问题清单（${report.month}，否决项在前）`, problemHeader.length);
  problems.addRow(problemHeader).font = { bold: true };
  report.problems.forEach((p, i) => {
    problems.addRow([
      i + 1,
      p.veto ? '是' : '否',
      p.itemLabel,
      p.unitName,
      p.accountName,
      p.title ?? '',
      p.publishedAt ? countyDate(p.publishedAt) : '',
      p.url ?? '',
      p.description,
      p.checker ? CHECKER_LABELS[p.checker] ?? p.checker : '',
      BASIS_LABELS[p.basis] ?? p.basis,
    ]);
  });
  problems.columns.forEach((column, i) => (column.width = [6, 8, 10, 16, 18, 28, 12, 30, 50, 12, 18][i] ?? 12));

  const weekly = workbook.addWorksheet('每周发稿');
  const weeks = accounts[0]?.updates.weeks ?? [];
  const weeklyHeader = ['单位', '账号', ...weeks.map((w) => `${w.start.slice(5)}～${w.end.slice(5)}`)];
  titled(weekly, `每周发稿数（${report.month}）`, Math.max(weeklyHeader.length, 2));
  weekly.addRow(weeklyHeader).font = { bold: true };
  for (const a of accounts) weekly.addRow([a.unitName, a.name, ...a.updates.weeks.map((w) => w.posts)]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
