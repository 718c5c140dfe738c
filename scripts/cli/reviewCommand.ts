/**
 * review 文件 [--ledger 台账 --year 年度] [--json]: a unit's table reviewed as on the 表格审核 screen —
 * its kind, the rules used, the recomputed total, grade and 小计, then each finding with its cell.
 * With --ledger or --year the year's rules (and, for a 申报表, its projects and indicator library) are
 * used; without, the default rules. Exit 0 once reviewed, findings or not; 1 when the file cannot be
 * read or holds no table the review knows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../db/ledgerError';
import { openLedger } from '../../db/open';
import { reviewTableInYear, reviewTableWithDefaults, type TableReview } from '../../electron/review/tableReview';
import { formatScore } from '../../electron/rules/numberFormat';
import { requireArg, withLedger, type CommandRun } from './command';

export function reviewCommand({ values, rest, io, now, emit, ledgerPath, year }: CommandRun): number {
  const file = requireArg(rest[0], 'review 需要要审核的文件，例如：npm run ledger -- review 评分表.xlsx --ledger 台账.db --year 2023');
  const y = values.ledger !== undefined || values.year !== undefined ? year() : null;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new LedgerError('file_missing', `找不到要审核的文件：${path.resolve(file)}。`);
  const input = { fileName: path.basename(file), bytes: fs.readFileSync(file) };
  const finish = (review: TableReview) => {
    const { kind, total, grade, subtotals, findings, ...rest } = review;
    emit(describeReview(review), { kind, total, grade, subtotals, findings, ...rest });
    if (kind !== 'unknown') return 0;
    io.err(findings[0]!.message);
    return 1;
  };
  if (y === null) return finish(reviewTableWithDefaults(input));
  return withLedger(openLedger(ledgerPath(), { mustExist: true }), io, now, (ctx) => finish(reviewTableInYear(ctx, { year: y, ...input })));
}

/** The review as a clerk reads it in a terminal. */
function describeReview(r: TableReview): string[] {
  return [
    `审核：${r.fileName}`,
    `表格类型：${r.kindLabel}${r.title ? `（${r.title}）` : ''}`,
    `审核规则：${r.rules}`,
    `读到：${r.read}`,
    ...(r.kind === 'keyEvaluationScores' || r.kind === 'keyEvaluationFramework' || r.kind === 'selfEvaluation'
      ? [`复算总分：${formatScore(r.total)}`, `复算等级：${r.grade ?? '—'}`]
      : []),
    ...(r.subtotals.length
      ? [
          '小计（复算）：',
          ...r.subtotals.map((s) =>
            s.level2 === null
              ? `  ${s.level1}：分值 ${formatScore(s.points)}，得分 ${formatScore(s.score)}`
              : `    ${s.level2}：分值 ${formatScore(s.points)}，得分 ${formatScore(s.score)}`,
          ),
        ]
      : []),
    ...(r.findings.length
      ? [
          `发现 ${r.findings.length} 处问题：`,
          ...r.findings.flatMap((f, i) => [
            `  ${i + 1}. 工作表：${f.sheet ?? '—'}  行：${f.row ?? '—'}  列：${f.column ?? '—'}  表上数：${f.printed ?? '—'}  复算数：${f.computed ?? '—'}`,
            `     说明：${f.problem}`,
          ]),
        ]
      : ['没有发现问题。']),
  ];
}
