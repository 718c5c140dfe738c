/**
 * The admin command line for the target exchange: export the declaration template for a unit, import
 * it filled (dry run, refusal of a damaged file row by row, then for real), the review sheet round trip,
 * and the publication workbook — through main() with captured output, on real ledger files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLedger, openLedger } from '../../db/open';
import { serviceContext } from '../../electron/ledger/context';
import { approveTargets, decideRound, recordOpinion, submitForReview } from '../../electron/targets/jointReview';
import { listTargets } from '../../electron/targets/targetList';
import { cliJson, cliRunner } from '../fixtures/cli';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { filled, loadBook, saveBook, TRAINING_ROWS, valueCell } from '../fixtures/targetForms';
import { tempFolder } from '../ledger/tempLedger';

const run = cliRunner(new Date('2023-03-01T08:00:00Z'));

const json = cliJson;

/** A ledger with the library, two units and three projects, imported through the command line. */
async function ledgerWithProjects(dir: string): Promise<string> {
  const file = path.join(dir, '台账.db');
  expect((await run('init', file, '--year', '2023')).code).toBe(0);
  const projects = path.join(dir, '项目.xlsx');
  fs.writeFileSync(
    projects,
    xlsx([
      PROJECT_HEADER,
      projectRow(1, { name: '教师培训项目' }),
      projectRow(2, { name: '实验室设备购置' }),
      projectRow(3, { unit: '轮台县第二中学', name: '校园安全建设' }),
    ]),
  );
  expect((await run('import', 'projects', projects, '--ledger', file, '--year', '2023')).code).toBe(0);
  return file;
}

/** Runs service calls on the ledger file between commands (what the desktop app would do). */
function withLedger<T>(file: string, fn: (ctx: ReturnType<typeof serviceContext>) => T): T {
  const ledger = openLedger(file, { mustExist: true });
  try {
    return fn(serviceContext(ledger, '测试员', () => new Date('2023-03-02T08:00:00Z')));
  } finally {
    closeLedger(ledger);
  }
}

const GOOD_FILL = {
  '652822-23-0001': { className: '培训', annualGoal: '全年培训教师 500 人次。', indicators: TRAINING_ROWS },
};

describe('ledger export targets-template / import targets', () => {
  it("exports a unit's template, refuses a damaged fill row by row without writing, then imports the good one once", async () => {
    const dir = tempFolder();
    const file = await ledgerWithProjects(dir);
    const template = path.join(dir, '模板.xlsx');
    const exported = await run(
      'export',
      'targets-template',
      '--ledger',
      file,
      '--year',
      '2023',
      '--out',
      template,
      '--unit',
      '轮台县第一中学',
    );
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/1 个单位 2 个项目的申报表（其中 0 个已按台账中的绩效目标预填）和部门整体申报表 1 张（其中 0 张已预填）/);
    expect((await loadBook(fs.readFileSync(template))).worksheets.map((w) => w.name)).toEqual([
      '填报说明',
      '部门整体-轮台县第一中学',
      '652822-23-0001',
      '652822-23-0002',
    ]);
    expect(
      (
        await run(
          'export',
          'targets-template',
          '--ledger',
          file,
          '--year',
          '2023',
          '--out',
          path.join(dir, 'x.xlsx'),
          '--unit',
          '没有这个单位',
        )
      ).err,
    ).toMatch(/台账中没有名为“没有这个单位”的预算单位/);
    expect(
      (await run('export', 'projects', '--ledger', file, '--year', '2023', '--out', path.join(dir, 'y.xlsx'), '--unit', '轮台县第一中学'))
        .code,
    ).toBe(2);

    const damaged = path.join(dir, '坏.xlsx');
    fs.writeFileSync(
      damaged,
      await filled(fs.readFileSync(template), {
        '652822-23-0001': {
          annualGoal: '目标',
          funds: { total: '一百万' },
          clearRows: 5,
          indicators: [
            ['产出指标', '规模指标', '培训人次', '≥', '500', '人次'],
            ['产出指标', '数量指标', '送教次数', '≥', '12', ''],
          ],
        },
      }),
    );
    const before = json(await run('check', '--ledger', file, '--json')).counts;
    const refused = await run('import', 'targets', damaged, '--ledger', file, '--year', '2023');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/错误 3 处，未导入任何数据/);
    expect(refused.out).toMatch(/坏\.xlsx 工作表“652822-23-0001”第 7 行 C 列（年度资金总额）：“一百万”不是金额/);
    expect(refused.out).toMatch(/第 14 行 B 列（二级指标）：一级指标“产出指标”下没有二级指标“规模指标”/);
    expect(refused.out).toMatch(/第 15 行 F 列（计量单位）：定量指标须填写计量单位/);
    expect(refused.err).toMatch(/未导入任何数据/);
    expect(json(await run('check', '--ledger', file, '--json')).counts).toEqual(before);

    const good = path.join(dir, '好.xlsx');
    fs.writeFileSync(good, await filled(fs.readFileSync(template), GOOD_FILL));
    const dry = await run('import', 'targets', good, '--ledger', file, '--year', '2023', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(json(dry)).toMatchObject({ ok: true, dryRun: true, preview: { toCreate: 1, toUpdate: 0, unchanged: 0 } });
    expect(json(await run('check', '--ledger', file, '--json')).counts).toEqual(before);

    const done = await run('import', 'targets', good, '--ledger', file, '--year', '2023');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(
      /导入完成：好\.xlsx，2023 年度，申报表 3 张（其中部门整体 1 张）：已新建绩效目标 1 个，已修改 0 个，未变化 0 个，未填写跳过 2 张。/,
    );
    expect(done.out).toMatch(/工作表“652822-23-0001”（教师培训项目）：新建，指标 7 个（共性 6 个），年度资金 11.00 万元/);
    const again = json(await run('import', 'targets', good, '--ledger', file, '--year', '2023', '--json'));
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 1 });
    expect(json(await run('check', '--ledger', file, '--json'))).toMatchObject({ ok: true, audit: { brokenAt: null } });
  });
});

describe('ledger export/import review-sheet and export publication', () => {
  it("records the third party's opinions from the filled review sheet, then publishes the approved targets", async () => {
    const dir = tempFolder();
    const file = await ledgerWithProjects(dir);
    const template = path.join(dir, '模板.xlsx');
    await run('export', 'targets-template', '--ledger', file, '--year', '2023', '--out', template);
    const good = path.join(dir, '好.xlsx');
    fs.writeFileSync(good, await filled(fs.readFileSync(template), GOOD_FILL));
    expect((await run('import', 'targets', good, '--ledger', file, '--year', '2023')).code).toBe(0);

    const reviewOut = path.join(dir, '会审.xlsx');
    expect((await run('export', 'review-sheet', '--ledger', file, '--year', '2023', '--out', reviewOut)).err).toMatch(
      /2023 年度没有会审中的绩效目标/,
    );
    const targetId = withLedger(file, (ctx) => {
      const id = listTargets(ctx, { year: 2023 }).find((t) => t.targetId !== null)!.targetId!;
      submitForReview(ctx, { targetId: id });
      return id;
    });
    const exported = await run('export', 'review-sheet', '--ledger', file, '--year', '2023', '--out', reviewOut, '--json');
    expect(json(exported)).toMatchObject({ ok: true, targetCount: 1 });

    const book = await loadBook(fs.readFileSync(reviewOut));
    const sheet = book.getWorksheet('652822-23-0001')!;
    for (const [label, v] of [
      ['审核人', '李审计师'],
      ['完整性', '优'],
      ['相关性', '优'],
      ['适当性', '良'],
      ['可行性', '优'],
      ['修改意见', '同意。'],
    ])
      valueCell(sheet, label!).value = v!;
    const filledReview = path.join(dir, '会审-已填.xlsx');
    fs.writeFileSync(filledReview, await saveBook(book));
    const recorded = await run('import', 'review-sheet', filledReview, '--ledger', file);
    expect(recorded.code).toBe(0);
    expect(recorded.out).toMatch(/已录入意见 1 份/);
    expect(recorded.out).toMatch(/教师培训项目 第 1 轮，第三方机构，优\/优\/良\/优/);

    withLedger(file, (ctx) => {
      for (const party of ['unit', 'finance'] as const)
        recordOpinion(ctx, {
          targetId,
          party,
          reviewer: null,
          completeness: '优',
          relevance: '优',
          appropriateness: '优',
          feasibility: '优',
          opinion: '',
        });
      decideRound(ctx, { targetId, result: '优', note: null });
      approveTargets(ctx, { targetIds: [targetId] });
    });
    const stale = await run('import', 'review-sheet', filledReview, '--ledger', file);
    expect(stale.code).toBe(1);
    expect(stale.out).toMatch(/当前为“已批复”，没有进行中的会审（第 1 轮已作出结论：优）/);

    const publication = path.join(dir, '公开.xlsx');
    const published = await run('export', 'publication', '--ledger', file, '--year', '2023', '--out', publication, '--json');
    expect(published.code).toBe(0);
    expect(json(published)).toMatchObject({ ok: true, unitCount: 1, projectTargets: 1, departmentTargets: 0, excludedClassifiedUnits: 0 });
    expect((await loadBook(fs.readFileSync(publication))).worksheets.map((w) => w.name)).toEqual(['目录', '轮台县第一中学']);
    expect((await run('help')).out).toMatch(/targets-template（项目支出绩效目标申报表模板/);
  });
});
