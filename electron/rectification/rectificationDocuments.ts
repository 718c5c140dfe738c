/**
 * 整改通知 as the bureau sends and files them: the notices themselves (.docx, in the official layout of
 * docs/officialDocument.ts) — one letter per project, or one per unit listing its projects — and the
 * year's list of issued notices as a styled workbook, overdue rows marked.
 */
import {
  body,
  documentBytes,
  heading1,
  heading2,
  addressee,
  signature,
  subtitle,
  table,
  title,
  type Block,
} from '../formats/officialDocument';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../formats/styledWorkbook';
import { chinaDate, NOTICE_SOURCE, noticeSerial, overdueText, writtenDate, type NoticeSource } from '../rules/rectificationRules';
import { BUREAU_NAME_PLACEHOLDER } from '../rules/ledgerSettingsRules';
import type { ServiceContext } from '../ledger/context';
import { getLedgerSettings, requireBureauName } from '../ledger/settings';
import type { GeneratedFile } from '../exAnte/exAnteReport';
import { LedgerError } from '../../db/ledgerError';
import { listNotices, noticeDetail, noticesOverdueAsOf, type NoticeRow } from './noticeList';
import { safeFileName } from '../formats/fileNames';

export interface NoticeDocumentsFile extends GeneratedFile {
  noticeCount: number;
  /** Letters in the file: one per notice (per project) or one per unit. */
  letterCount: number;
}

export interface NoticeListFile extends GeneratedFile {
  noticeCount: number;
  overdueCount: number;
}

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * One .docx holding the chosen issued notices, each letter starting on a new page: per 'project' a
 * letter per notice, per 'unit' one letter per unit listing its projects, each signed with the bureau's
 * name from 本局信息. Drafts are refused (they have no 文号 yet), and so is a ledger without that name.
 */
export async function exportNoticeDocuments(
  ctx: ServiceContext,
  input: { ids: number[]; per: 'unit' | 'project' },
): Promise<NoticeDocumentsFile> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) throw new LedgerError('invalid_input', '请选择要导出的整改通知。');
  const notices = ids.map((id) => noticeDetail(ctx, { id })).sort((a, b) => a.year - b.year || serialOf(a) - serialOf(b) || a.id - b.id);
  const draft = notices.find((n) => !n.number);
  if (draft) throw new LedgerError('notice_state', `整改通知“${draft.label}”尚未下发，还没有文号，不能导出。请先下发。`);
  const bureauName = requireBureauName(ctx);

  const letters: NoticeRow[][] = [];
  if (input.per === 'project') for (const n of notices) letters.push([n]);
  else {
    const byUnit = new Map<number, NoticeRow[]>();
    for (const n of notices) byUnit.set(n.unitId, [...(byUnit.get(n.unitId) ?? []), n]);
    letters.push(...byUnit.values());
  }

  const blocks: Block[] = letters.flatMap((letter, i) => letterBlocks(letter, bureauName, i > 0));
  const titles = letters.map(letterTitle);
  const docTitle = letters.length === 1 ? titles[0]! : `${notices[0]!.year}年度整改通知（${letters.length}份）`;
  const fileName = letters.length === 1 ? `${letters[0]!.map((n) => n.number).join('、')}${titles[0]}.docx` : `${docTitle}.docx`;
  return {
    fileName: safeFileName(fileName),
    bytes: await documentBytes({ title: docTitle, creator: '绩效台账' }, blocks),
    noticeCount: notices.length,
    letterCount: letters.length,
  };
}

/** The year's issued notices (drafts left out) as a styled list; overdue rows on a red fill. A list, not a
 * notice: without 本局信息 it still exports, with a placeholder where the bureau's name goes. */
export async function exportNoticeList(ctx: ServiceContext, input: { year: number }): Promise<NoticeListFile> {
  // A past year's list is stated as it stood when the year's work ended (rules: overdueAsOf).
  const asOf = noticesOverdueAsOf(ctx, input.year);
  const rows = listNotices(ctx, { year: input.year }).filter((n) => n.status !== 'draft');
  const overdueCount = rows.filter((r) => r.overdue).length;
  const columns: SheetColumn<NoticeRow>[] = [
    { header: '文号', width: 22, kind: 'text', value: (r) => r.number },
    { header: '预算单位', width: 26, kind: 'text', value: (r) => r.unitName },
    { header: '项目', width: 32, kind: 'text', value: (r) => r.projectName ?? '（单位整体）' },
    { header: '来源', width: 20, kind: 'text', value: (r) => (r.roundName ? `${r.sourceLabel}（${r.roundName}）` : r.sourceLabel) },
    { header: '发现问题', width: 50, kind: 'text', wrap: true, value: (r) => r.findings },
    { header: '整改要求', width: 40, kind: 'text', wrap: true, value: (r) => r.requirements },
    { header: '整改期限', width: 12, kind: 'text', value: (r) => r.deadline },
    { header: '状态', width: 9, kind: 'text', value: (r) => r.statusLabel },
    {
      header: '是否逾期',
      width: 18,
      kind: 'text',
      value: (r) =>
        overdueText(
          { status: r.status, deadline: r.deadline, lastFeedbackOn: r.lastFeedback ? chinaDate(new Date(r.lastFeedback.at)) : null },
          asOf,
        ),
    },
    {
      header: '反馈情况',
      width: 40,
      kind: 'text',
      wrap: true,
      value: (r) => (r.lastFeedback ? `${chinaDate(new Date(r.lastFeedback.at))}：${r.lastFeedback.text}` : '未反馈'),
    },
    { header: '办结日期', width: 12, kind: 'text', value: (r) => (r.closedAt ? chinaDate(new Date(r.closedAt)) : null) },
  ];
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  addTableSheet(workbook, {
    name: '整改通知',
    title: `${input.year}年度整改通知台账`,
    note: `编制单位：${getLedgerSettings(ctx).bureauName ?? BUREAU_NAME_PLACEHOLDER}　　统计日期：${writtenDate(asOf)}　　已下发 ${rows.length} 件，其中逾期未反馈 ${overdueCount} 件（红色底纹）`,
    columns,
    rows,
    highlight: (r) => r.overdue,
  });
  return { fileName: `${input.year}年度整改通知台账.xlsx`, bytes: await workbookBytes(workbook), noticeCount: rows.length, overdueCount };
}

// ---------------------------------------------------------------------------------------------------

function sourceWords(letter: readonly NoticeRow[]): string {
  const sources = new Set<NoticeSource>(letter.map((n) => n.source));
  return [...(['monitoring', 'evaluation'] as const)]
    .filter((s) => sources.has(s))
    .map((s) => NOTICE_SOURCE[s])
    .join('和');
}

/** "×××项目": a project's name as a title writes it, without doubling 项目. */
function projectWord(name: string): string {
  return /项目$/.test(name) ? name : `${name}项目`;
}

function letterTitle(letter: readonly NoticeRow[]): string {
  const first = letter[0]!;
  if (letter.length === 1)
    return `关于${first.projectName ? projectWord(first.projectName) : first.unitName}${sourceWords(letter)}发现问题的整改通知`;
  return `关于${first.unitName}项目${sourceWords(letter)}发现问题的整改通知`;
}

function letterBlocks(letter: readonly NoticeRow[], bureauName: string, newPage: boolean): Block[] {
  const first = letter[0]!;
  const year = first.year;
  const basis = (() => {
    const rounds = [...new Set(letter.map((n) => n.roundName).filter((r): r is string => !!r))];
    const parts: string[] = [];
    if (letter.some((n) => n.source === 'monitoring')) parts.push(`${year}年${rounds.length ? rounds.join('、') : '绩效监控'}`);
    if (letter.some((n) => n.source === 'evaluation')) parts.push(`${year}年度财政重点绩效评价`);
    return parts.join('和');
  })();
  const issuedOn = letter
    .map((n) => chinaDate(new Date(n.issuedAt!)))
    .sort()
    .at(-1)!;
  const blocks: Block[] = [
    title(letterTitle(letter), { newPage }),
    subtitle(letter.map((n) => n.number).join('、')),
    addressee(first.unitName),
  ];

  if (letter.length === 1) {
    const subject = first.projectName ? `你单位实施的“${first.projectName}”` : '你单位';
    blocks.push(
      ...body(`根据${basis}结果，${subject}存在以下问题。现将发现的问题和整改要求通知如下：`),
      heading1('一、发现的问题'),
      ...body(first.findings),
      heading1('二、整改要求'),
      ...body(first.requirements),
      heading1('三、反馈期限'),
      ...body(`请于${writtenDate(first.deadline)}前将整改情况书面反馈我局。`),
    );
  } else {
    const name = (n: NoticeRow) => n.projectName ?? '单位整体';
    blocks.push(
      ...body(`根据${basis}结果，你单位以下${letter.length}个项目存在问题。现将发现的问题和整改要求通知如下：`),
      table({
        headers: ['序号', '文号', '项目名称', '来源', '反馈期限'],
        widths: [1.4, 4, 5.4, 2.6, 3.4],
        rows: letter.map((n, i) => [i + 1, n.number!, name(n), n.sourceLabel, writtenDate(n.deadline)]),
      }),
      heading1('一、发现的问题'),
      ...letter.flatMap((n, i) => [heading2(`（${chineseNumber(i)}）${name(n)}（${n.number}）`), ...body(n.findings)]),
      heading1('二、整改要求'),
    );
    if (new Set(letter.map((n) => n.requirements)).size === 1) blocks.push(...body(first.requirements));
    else blocks.push(...letter.flatMap((n, i) => [heading2(`（${chineseNumber(i)}）${name(n)}`), ...body(n.requirements)]));
    blocks.push(heading1('三、反馈期限'));
    if (new Set(letter.map((n) => n.deadline)).size === 1)
      blocks.push(...body(`请于${writtenDate(first.deadline)}前将上述项目的整改情况书面反馈我局。`));
    else
      blocks.push(
        ...body([...letter.map((n) => `${name(n)}：${writtenDate(n.deadline)}前；`), '请在上述期限前将整改情况书面反馈我局。'].join('\n')),
      );
  }
  blocks.push(...signature([bureauName, writtenDate(issuedOn)]));
  return blocks;
}

function serialOf(n: NoticeRow): number {
  return n.number ? (noticeSerial(n.number, n.year) ?? 0) : 0;
}

function chineseNumber(i: number): string {
  return i < 10 ? CHINESE_NUMBERS[i]! : i < 19 ? `十${CHINESE_NUMBERS[i - 10]}` : String(i + 1);
}
