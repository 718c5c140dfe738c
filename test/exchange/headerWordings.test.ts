/**
 * Every importer's table of accepted header wordings, one case per wording: a workbook as units send it
 * (a title merged above the header, the other columns under their own labels, one row of data) is read
 * the way that importer reads it, and the wording must land on its column. The wordings this file keeps
 * must stay accepted (removing one fails its case); any wording a table adds is tested too (its cases
 * come from the table itself; a generated list of thousands by a sample covering its grammar); a
 * wording taken by another column first fails its case, and no two columns may share a normalised name
 * unless the table repeats one column on purpose.
 */
import { describe, expect, it } from 'vitest';
import { findTable, normaliseHeader, type ColumnSpec } from '../../electron/formats/findTable';
import { findColumnsRow } from '../../electron/formats/formSheet';
import { readWorkbook } from '../../electron/formats/readWorkbook';
import { INDICATOR_COLUMNS } from '../../electron/indicators/indicatorExchange';
import { EXPERT_SHEET_COLUMNS } from '../../electron/keyEvaluations/expertScoreSheet';
import { FRAMEWORK_COLUMNS } from '../../electron/keyEvaluations/frameworkTable';
import { SCORE_COLUMNS } from '../../electron/keyEvaluations/printedScoreTable';
import { EXECUTION_COLUMNS } from '../../electron/monitoring/executionColumns';
import { INDICATOR_TABLE as MONITORING_TABLE } from '../../electron/monitoring/monitoringSheetLayout';
import { PROJECT_COLUMNS } from '../../electron/projects/projectRows';
import { DECLARATION_LABELS } from '../../electron/targets/declarationLabels';
import { TARGET_INDICATOR_COLUMNS } from '../../electron/targets/declarationSheet';
import { normaliseLabel, readFormFields } from '../../electron/targets/formFields';
import { OPINION_LABELS } from '../../electron/targets/reviewSheet';
import { workbookBytes, type Cell } from '../fixtures/workbooks';

type Kept = Record<string, readonly string[]>;

const MONITORING_KEPT: Kept = {
  level2: ['二级指标'],
  name: ['三级指标', '三级指标名称', '指标名称', '绩效指标'],
  nature: ['指标性质', '性质'],
  target: ['年度指标值', '指标值', '年度目标值', '全年指标值'],
  currentValue: ['当前完成值', '实际完成值', '截至目前完成值', '1-X月完成值', '累计完成值'],
  expectedValue: ['全年预计完成值', '预计全年完成值', '全年预计完成情况', '预计完成值'],
  likelihood: ['完成可能性', '完成目标可能性', '预计完成可能性', '能否完成'],
  deviationReason: ['偏差原因', '偏差原因类别', '原因类别', '偏差原因分析'],
  explanation: ['原因说明', '偏差原因说明', '情况说明'],
  correctiveAction: ['纠偏措施', '完善措施', '改进措施', '整改措施'],
  level1: ['一级指标'],
  points: ['分值', '指标分值', '权重', '指标权重', '权重分值'],
};

/**
 * Tables read by findTable (a ColumnSpec array), with the wordings each column must keep accepting;
 * `only` names the columns an entry adds to another importer's table (tested there).
 */
const TABLES: { importer: string; spec: readonly ColumnSpec[]; kept: Kept; only?: readonly string[] }[] = [
  {
    importer: '项目表',
    spec: PROJECT_COLUMNS,
    kept: {
      department: ['主管部门', '主管单位', '主管部门名称', '部门名称', '归口部门'],
      unit: ['预算单位', '单位名称', '实施单位', '预算单位名称', '项目单位', '项目实施单位', '实施单位名称', '申报单位', '单位'],
      unitCode: ['单位代码', '单位编码', '预算单位代码', '预算单位编码'],
      classified: ['涉密单位', '是否涉密', '是否涉密单位'],
      code: ['项目代码', '项目编码', '项目编号'],
      name: ['项目名称', '项目名'],
      projectType: ['项目类型', '项目类别', '项目分类'],
      budgetKind: ['预算类型', '预算类别', '预算种类', '资金性质', '预算资金性质', '四本预算'],
      continuity: ['新增/延续', '新增或延续', '新增延续', '延续/新增', '项目属性', '新增/延续项目'],
      initialBudget: ['年初预算数', '年初预算', '年初预算金额', '年初预算数合计', '预算数', '预算金额'],
      majorPolicy: [
        '是否重大政策和项目',
        '是否重大政策/项目',
        '是否重大项目',
        '重大项目',
        '重大政策和项目',
        '重大政策/项目',
        '是否重大政策',
        '新增重大政策和项目',
      ],
    },
  },
  {
    importer: '预算执行数据',
    spec: EXECUTION_COLUMNS,
    kept: {
      unit: ['预算单位', '单位名称', '预算单位名称', '单位', '实施单位', '项目单位', '项目实施单位', '实施单位名称'],
      code: ['项目代码', '项目编码', '项目编号'],
      name: ['项目名称', '项目名'],
      initialBudget: [
        '年初预算数',
        '年初预算',
        '年初预算金额',
        '年初预算数合计',
        '年初批复数',
        '年初批复预算数',
        '年初安排数',
        '年初预算安排数',
      ],
      adjustedBudget: [
        '调整后预算数',
        '调整后预算',
        '调整后预算金额',
        '调整后预算数合计',
        '调整后年度预算数',
        '全年预算数',
        '全年预算',
        '全年预算金额',
        '全年预算数合计',
        '年度预算数',
        '当年预算数',
        '本年预算数',
        '变更后预算数',
      ],
      // The month forms are generated (1-5月…, 截至6月底…); a sample stands for them here, the table supplies the rest.
      executed: [
        '执行数',
        '累计执行数',
        '累计执行',
        '累计支出',
        '累计支出数',
        '累计支出金额',
        '实际支出',
        '实际支出数',
        '实际执行数',
        '已执行数',
        '已支出数',
        '预算执行数',
        '执行金额',
        '支出数',
        '本年执行数',
        '本年累计执行数',
        '本年累计支出',
        '本年支出数',
        '当年执行数',
        '当年累计支出',
        '1-5月执行数',
        '1—12月份累计支出',
        '1月-6月实际支出数',
        '1至3月支出',
        '截至9月底累计执行数',
        '截止10月末支出数',
      ],
      expectedFullYear: [
        '全年预计执行数',
        '预计全年执行数',
        '全年预计执行',
        '预计全年执行',
        '全年预计执行金额',
        '预计全年执行金额',
        '全年预计支出',
        '预计全年支出',
        '全年预计支出数',
        '预计全年支出数',
        '全年预计完成数',
        '预计执行数',
      ],
    },
  },
  { importer: '绩效监控表', spec: MONITORING_TABLE, kept: MONITORING_KEPT },
  {
    importer: '共性指标库',
    spec: INDICATOR_COLUMNS,
    kept: {
      className: ['类别', '指标类别', '分类', '行业类别', '项目类别', '指标分类', '所属类别'],
      level1: ['一级指标', '一级'],
      level2: ['二级指标', '二级'],
      name: ['三级指标', '三级指标名称', '指标名称', '三级'],
      nature: ['指标性质', '计算符号', '性质', '运算符号', '符号', '指标值性质'],
      unit: ['计量单位', '度量单位', '单位'],
      explanation: ['指标解释', '计算方法', '指标解释/计算方法', '指标说明', '指标解释及计算方法', '计算公式'],
      standard: ['绩效标准', '标准类型', '评价标准'],
      referenceHint: ['参考值', '参考指标值', '指标值', '参考值提示', '指标值参考'],
      keywords: ['关键词', '关键字'],
      mandatory: ['是否必选', '必选', '必选指标', '是否必填'],
      scope: ['年度/总体', '指标期限', '适用期限', '总体/年度'],
    },
  },
  {
    importer: '重点评价指标体系',
    spec: FRAMEWORK_COLUMNS,
    kept: {
      level1: ['一级指标', '一级', '一级指标名称'],
      weight: ['一级权重', '一级指标权重', '一级分值', '一级指标分值'],
      level2: ['二级指标', '二级', '二级指标名称'],
      level2Weight: ['二级权重', '二级指标权重', '二级分值', '二级指标分值'],
      code: ['编号', '指标编号', '指标代码'],
      name: ['三级指标', '三级指标名称', '指标名称', '三级'],
      points: ['分值', '标准分值', '指标分值', '三级指标分值', '满分', '分数', '标准分', '权重分值', '分值权重'],
      weightA: ['权重', '权数'],
      weightB: ['权重', '权数'],
      rule: [
        '评分标准',
        '评分细则',
        '评分规则',
        '评分方法',
        '评分要点',
        '评分办法',
        '评分标准和评分规则',
        '评分标准及评分规则',
        '评分依据和标准',
        '评分标准及依据',
      ],
      explanation: ['指标解释', '指标说明', '指标内涵', '指标含义', '评价要点'],
      formula: ['计算公式', '公式', '指标计算公式'],
    },
  },
  {
    // The review of a printed 重点评价评分表 reads the framework's columns and a 得分 column beside them.
    importer: '重点评价评分表',
    spec: [...FRAMEWORK_COLUMNS, ...SCORE_COLUMNS],
    only: ['score'],
    kept: { score: ['得分', '评分', '实际得分', '最终得分', '评价得分', '平均得分', '平均分', '专家平均得分', '综合得分', '评审得分'] },
  },
  {
    importer: '绩效目标申报表',
    spec: TARGET_INDICATOR_COLUMNS,
    kept: {
      level1: ['一级指标', '一级'],
      level2: ['二级指标', '二级'],
      name: ['三级指标', '三级指标名称', '三级', '指标名称', '指标内容', '三级指标内容'],
      nature: ['指标性质', '性质', '计算符号', '运算符号', '符号', '指标值性质'],
      value: [
        '指标值',
        '年度指标值',
        '目标值',
        '指标目标值',
        '绩效指标值',
        '预期指标值',
        '当年预期实现值',
        '年度预期实现值',
        '预期实现值',
        '预期目标值',
        '年度目标值',
        '当年指标值',
        '本年度指标值',
        '中期指标值',
        '长期指标值',
        '中期预期实现值',
      ],
      unit: ['计量单位', '度量单位', '单位', '指标单位', '指标值单位'],
      kind: ['指标类型', '共性/个性', '共性或个性', '指标属性'],
      period: ['指标期限', '年度/中期', '中期/年度', '适用期限', '年度/总体'],
    },
  },
];

/** Header-row and label–value tables read outside findTable, each by the function its importer uses. */
const EXPERT_SHEET_KEPT: Kept = {
  level1: ['一级指标', '一级'],
  level2: ['二级指标', '二级'],
  name: ['三级指标', '三级指标名称', '指标名称'],
  points: ['分值', '指标分值', '满分'],
  score: ['得分', '评分', '专家评分', '专家得分'],
  basis: ['得分依据', '评分依据', '扣分理由', '得分理由'],
};
const DECLARATION_KEPT: Kept = {
  projectName: ['项目名称', '项目名'],
  projectCode: ['项目代码', '项目编码', '项目编号'],
  department: ['主管部门', '主管部门及代码', '主管单位', '主管部门名称'],
  unit: ['实施单位', '预算单位', '项目单位', '申报单位', '项目实施单位', '单位名称'],
  departmentUnit: ['部门（单位）名称', '部门名称'],
  continuity: ['项目属性', '新增/延续', '新增或延续'],
  period: ['项目期', '项目期限', '实施期限', '项目周期', '项目实施期', '项目起止时间', '实施周期'],
  className: ['指标类别', '共性指标类别', '指标库类别'],
  annualTotal: ['年度资金总额', '年度资金', '本年资金总额', '年度资金合计', '项目资金总额', '资金总额'],
  midTotal: ['中期资金总额', '中期资金', '中期资金合计'],
  fiscal: ['财政拨款', '财政资金', '财政拨款资金'],
  other: ['其他资金', '其他来源资金'],
  annualGoal: ['年度总体目标', '年度目标', '年度绩效目标', '本年度目标', '当年目标'],
  midTermGoal: ['中期目标', '中期总体目标', '中期绩效目标', '长期目标', '中长期目标'],
  mainTasks: ['年度主要任务', '主要任务'],
  funds: ['资金情况', '项目资金', '资金来源'],
};
const OPINION_KEPT: Kept = {
  party: ['会审方', '会审单位', '审核方', '评审方'],
  reviewer: ['审核人', '会审人', '评审人', '审核人员'],
  completeness: ['完整性'],
  relevance: ['相关性'],
  appropriateness: ['适当性'],
  feasibility: ['可行性'],
  opinion: ['修改意见', '会审意见及修改建议', '审核意见', '意见'],
};

/** Tables whose header row is found by findColumnsRow: the columns, the ones the importer requires, how far down it looks. */
const HEADER_ROWS: { importer: string; columns: Kept; required: string[]; rows: number; kept: Kept }[] = [
  { importer: '专家评分表', columns: EXPERT_SHEET_COLUMNS, required: ['name', 'score'], rows: 40, kept: EXPERT_SHEET_KEPT },
];

/** Forms whose labels stand beside their values, read by readFormFields. */
const LABEL_BLOCKS: { importer: string; labels: Kept; kept: Kept }[] = [
  { importer: '绩效目标申报表栏目', labels: DECLARATION_LABELS, kept: DECLARATION_KEPT },
  { importer: '会审意见表', labels: OPINION_LABELS, kept: OPINION_KEPT },
];

/** Every wording of a column: the ones kept here first, then whatever the table adds. */
function wordingsOf(key: string, label: string, names: readonly string[], kept: Kept): string[] {
  const all = [...new Set([...(kept[key] ?? []), label, ...names])];
  return all.length > GENERATED ? [...new Set([...(kept[key] ?? []), label, ...covering(all)])] : all;
}

/**
 * Beyond this many wordings a column's list is generated (the execution export's month forms: every
 * month × every way of writing "1-5月" × every ending, thousands of them, at some 20 ms a workbook).
 */
const GENERATED = 200;

/**
 * A sample of a generated list that still holds each month, each way of writing the months before it
 * and each ending at least once, plus every wording that names no month.
 */
function covering(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const m = /^(.*)(?<!\d)(\d{1,2})(月份|月底|月末|月)(.+)$/.exec(n);
    const features = m ? [`month:${m[2]}`, `before:${m[1]!.replace(/\d+/g, '#')}${m[3]}`, `ending:${m[4]}`] : [`name:${n}`];
    const fresh = features.filter((f) => !seen.has(f));
    for (const f of fresh) seen.add(f);
    return fresh.length > 0;
  });
}

const title = (importer: string, width: number) => ({
  row: [`2023年度${importer}`] as Cell[],
  merge: `A1:${String.fromCharCode(64 + width)}1`,
});

/** Column names shared by two columns whose accepted names differ (a repeated column accepts the same ones). */
function sharedNames(columns: { key: string; names: string[] }[], normalise: (n: string) => string): string[] {
  const found: string[] = [];
  for (const a of columns)
    for (const b of columns) {
      if (a.key >= b.key) continue;
      const na = new Set(a.names.map(normalise));
      const nb = new Set(b.names.map(normalise));
      const repeated = na.size === nb.size && [...na].every((n) => nb.has(n));
      if (!repeated) for (const n of na) if (nb.has(n)) found.push(`${a.key}/${b.key}: ${n}`);
    }
  return found;
}

describe.each(TABLES)('$importer', ({ importer, spec, kept, only }) => {
  const cases = spec.flatMap((col, index) =>
    only && !only.includes(col.key)
      ? []
      : wordingsOf(col.key, col.label, col.names, kept).map((w) => [importer, w, col.label, col.key, index] as const),
  );

  it.each(cases)('%s: %s → %s', (_importer, wording, _label, key, index) => {
    const header = spec.map((c, i) => (i === index ? wording : c.label));
    const data = spec.map((c, i) => (c.money ? 100 + i : `第${i + 1}栏内容`));
    const { row, merge } = title(importer, spec.length);
    const book = readWorkbook(workbookBytes([{ name: importer, rows: [row, header, data], merges: [merge] }]), `${importer}.xlsx`);
    const found = findTable(book, spec);
    if (!found.ok) throw new Error(`找不到表头，缺少：${found.missing.map((m) => m.label).join('、')}`);
    expect(found.headerRow).toBe(2);
    expect(found.columns[key]).toMatchObject({ index, header: wording });
    expect(found.rows.map((r) => r.rowNumber)).toEqual([3]);
  });

  it(`${importer}: the wordings kept here belong to columns of the table, and no two columns share a normalised name`, () => {
    expect(Object.keys(kept).filter((k) => !spec.some((c) => c.key === k))).toEqual([]);
    expect(
      sharedNames(
        spec.map((c) => ({ key: c.key, names: [c.label, ...c.names] })),
        normaliseHeader,
      ),
    ).toEqual([]);
  });
});

describe.each(HEADER_ROWS)('$importer (header row read by findColumnsRow)', ({ importer, columns, required, rows, kept }) => {
  const keys = Object.keys(columns);
  const cases = keys.flatMap((key, index) =>
    wordingsOf(key, columns[key]![0]!, columns[key]!, kept).map((w) => [importer, w, columns[key]![0]!, key, index] as const),
  );

  it.each(cases)('%s: %s → %s', (_importer, wording, _label, key, index) => {
    const header = keys.map((k, i) => (i === index ? wording : columns[k]![0]!));
    const { row, merge } = title(importer, keys.length);
    const book = readWorkbook(
      workbookBytes([{ name: importer, rows: [row, header, keys.map((_, i) => `第${i + 1}栏内容`)], merges: [merge] }]),
      `${importer}.xlsx`,
    );
    expect(findColumnsRow(book.sheets[0]!, columns, required, rows)).toMatchObject({ row: 1, columns: { [key]: index } });
  });

  it(`${importer}: the wordings kept here belong to its columns, and no two columns share a normalised name`, () => {
    expect(Object.keys(kept).filter((k) => !(k in columns))).toEqual([]);
    expect(
      sharedNames(
        keys.map((k) => ({ key: k, names: [...columns[k]!] })),
        normaliseHeader,
      ),
    ).toEqual([]);
  });
});

describe.each(LABEL_BLOCKS)('$importer (label beside its value, read by readFormFields)', ({ importer, labels, kept }) => {
  const keys = Object.keys(labels);
  const cases = keys.flatMap((key) =>
    wordingsOf(key, labels[key]![0]!, labels[key]!, kept).map((w) => [importer, w, labels[key]![0]!, key] as const),
  );

  it.each(cases)('%s: %s → %s', (_importer, wording, _label, key) => {
    const { row, merge } = title(importer, 4);
    const book = readWorkbook(
      workbookBytes([{ name: importer, rows: [row, [`${wording}：`, '所填内容']], merges: [merge] }]),
      `${importer}.xlsx`,
    );
    const fields = readFormFields(book.sheets[0]!, labels, 0, 2);
    expect([...fields.keys()]).toEqual([key]);
    expect(fields.get(key)![0]).toMatchObject({ row: 2, letter: 'B', value: '所填内容' });
  });

  it(`${importer}: the wordings kept here belong to its labels, and no two labels share a normalised name`, () => {
    expect(Object.keys(kept).filter((k) => !(k in labels))).toEqual([]);
    expect(
      sharedNames(
        keys.map((k) => ({ key: k, names: [...labels[k]!] })),
        normaliseLabel,
      ),
    ).toEqual([]);
  });
});

describe('绩效目标申报表 headers as printed forms decorate them', () => {
  it.each([
    ['指标值（包含数字及文字描述）', 'value'],
    ['年度指标值（当年）', 'value'],
    ['当年预期\n实现值', 'value'],
    ['*三级指标', 'name'],
    ['计量单位（必填）', 'unit'],
    ['二级指标：', 'level2'],
  ])('绩效目标申报表: %j → %s', (wording, key) => {
    const spec = TARGET_INDICATOR_COLUMNS;
    const header = spec.map((c) => (c.key === key ? wording : c.label));
    const book = readWorkbook(
      workbookBytes([{ name: 'X', rows: [['项目支出绩效目标申报表'], header, spec.map((c) => `${c.label}内容`)] }]),
      'x.xlsx',
    );
    const found = findTable(book, spec);
    expect(found.ok && found.columns[key]?.index).toBe(spec.findIndex((c) => c.key === key));
  });
});
