/**
 * 审核意见: a table review as the workbook the bureau sends back to the unit — which file was reviewed,
 * what kind it is, the total and grade as recomputed, then one row per finding (序号, 工作表, 单元格,
 * 表上数, 复算数, 问题及修改意见); the recomputed 小计 on a second sheet when the table has them.
 */
import { safeFileName } from '../formats/fileNames';
import { addFormSheet, addTableSheet, fitRowHeight, formCell, newWorkbook, workbookBytes } from '../formats/styledWorkbook';
import type { TableReview } from './tableReview';
import { formatScore } from '../rules/numberFormat';

const WIDTHS = [6, 16, 10, 12, 12, 64];
/** The conclusion, and the table's one row, when nothing was found. */
const CLEAN = '未发现问题。';

export async function reviewFindingsWorkbook(review: TableReview, reviewedOn: Date): Promise<{ fileName: string; bytes: Buffer }> {
  const book = newWorkbook();
  // The table's own title, else its kind without the bracketed note ("重点评价评分表（含得分）").
  const name = (review.title ?? review.kindLabel).replace(/[（(].*$/, '') || '表格';
  const sheet = addFormSheet(book, { name: '审核意见', widths: WIDTHS, landscape: true });
  const last = WIDTHS.length;
  formCell(sheet, { row: 1, col: 1, toCol: last }, `${name}审核意见`, 'title');
  sheet.getRow(1).height = 30;
  const score = (n: number | null) => (n === null ? '—（表中没有得分）' : formatScore(n));
  const info: [string, string][] = [
    ['审核文件', review.fileName],
    ['表格类型', review.kindLabel],
    ['复算总分', score(review.total)],
    ['复算等级', review.grade ?? '—'],
    ['审核规则', review.rules],
    ['审核日期', `${reviewedOn.getFullYear()}年${reviewedOn.getMonth() + 1}月${reviewedOn.getDate()}日`],
    ['审核结论', review.findings.length ? `发现 ${review.findings.length} 处问题，请按下表逐项核对修改，改好后重新报送。` : CLEAN],
  ];
  info.forEach(([label, value], i) => {
    formCell(sheet, { row: 2 + i, col: 1, toCol: 2 }, label, 'label');
    formCell(sheet, { row: 2 + i, col: 3, toCol: last }, value, 'value');
    fitRowHeight(
      sheet,
      2 + i,
      value,
      WIDTHS.slice(2).reduce((a, b) => a + b, 0),
    );
  });
  const header = 2 + info.length + 1;
  ['序号', '工作表', '单元格', '表上数', '复算数', '问题及修改意见'].forEach((h, c) =>
    formCell(sheet, { row: header, col: c + 1 }, h, 'header'),
  );
  review.findings.forEach((f, i) => {
    const row = header + 1 + i;
    [String(i + 1), f.sheet ?? '—', f.cell ?? '—', f.printed ?? '', f.computed ?? '', f.problem].forEach((v, c) =>
      formCell(sheet, { row, col: c + 1 }, v, 'value'),
    );
    fitRowHeight(sheet, row, f.problem, WIDTHS[last - 1]!);
  });
  if (review.findings.length === 0) formCell(sheet, { row: header + 1, col: 1, toCol: last }, CLEAN, 'value');
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: header, showGridLines: false }];
  sheet.pageSetup.printTitlesRow = `${header}:${header}`;

  if (review.subtotals.length) {
    addTableSheet(book, {
      name: '复算小计',
      title: `${name}复算小计`,
      note: `按${review.rules}复算`,
      columns: [
        { header: '一级指标', width: 18, kind: 'text', value: (s) => s.level1 },
        { header: '二级指标', width: 24, kind: 'text', value: (s) => s.level2 ?? '（一级小计）' },
        // Text, with the app's 2 decimals: 分值 and 得分 alike.
        { header: '分值', width: 10, kind: 'text', value: (s) => formatScore(s.points) },
        { header: '复算得分', width: 12, kind: 'text', value: (s) => formatScore(s.score) },
      ],
      rows: review.subtotals,
    });
  }
  const stem = review.fileName.replace(/\.[^.]+$/, '');
  return { fileName: safeFileName(`${stem}审核意见.xlsx`), bytes: await workbookBytes(book) };
}
