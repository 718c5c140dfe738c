/**
 * 评价结果应用 on real ledger files: actions on a 自评 and a 部门评价 merged with a key evaluation's into
 * one year list with its evidence; the summary's sums by action, 主管部门 and unit (cancelled left out);
 * the refusals a clerk sees, in zh-CN at the field; a closed year; the audit log; `report result-actions`.
 */
import { describe, expect, it } from 'vitest';
import { recentAudit } from '../../electron/ledger/audit';
import {
  applicableEvaluations,
  cancelEvaluationAction,
  recordEvaluationAction,
  updateEvaluationAction,
  type EvaluationActionInput,
} from '../../electron/resultApplication/evaluationActions';
import { listYearResultActions, resultApplicationSummary } from '../../electron/resultApplication/yearActions';
import { cliJson, cliRunner } from '../fixtures/cli';
import { action, appliedYear, resultActionsYear } from '../fixtures/resultActions';
import { refusal } from '../fixtures/refusal';

describe('result application', () => {
  it('offers the scored and accepted evaluations with the action their grade suggests', () => {
    const s = resultActionsYear();
    expect(s.p1Self).toMatchObject({ status: 'accepted', total: 85.92, grade: '良' });
    const applicable = applicableEvaluations(s.ctx, { year: 2023 });
    expect(applicable.map((a) => [a.projectName, a.kindLabel, a.grade, a.suggestedAction])).toEqual([
      ['基层干部培训项目', '单位自评', '良', '合理保障'],
      ['党员远程教育项目', '部门评价', s.p2Department.grade, '合理保障'],
    ]);
    // The unfilled 自评 of P3 is not offered, and recording on it is refused with why.
    const refused = refusal(() => recordEvaluationAction(s.ctx, { selfEvaluationId: s.p3Unscored.id, ...action({}) }));
    expect(refused.code).toBe('evaluation_not_scored');
    expect(refused.message).toBe(
      '“高素质农民培训项目”的单位自评尚未评完分（每项得分填齐后才有总分），评完分或审核通过后才能应用评价结果。',
    );
  });

  it('merges the 自评, 部门评价 and key-evaluation actions into one year list with their evidence', () => {
    const s = appliedYear();
    const rows = listYearResultActions(s.ctx, { year: 2023 });
    expect(
      rows.map((r) => [
        r.sourceLabel,
        r.evaluationName,
        r.grade,
        r.departmentName,
        r.unitName,
        r.actionType,
        r.amountFen,
        r.nextYearProjectName,
        r.statusLabel,
      ]),
    ).toEqual([
      [
        '重点评价',
        '高素质农民培训项目',
        '中',
        '轮台县农业农村局',
        '轮台县农业农村局',
        '核减',
        1_000_000,
        '高素质农民培训项目（2024）',
        '已落实',
      ],
      [
        '部门评价',
        '党员远程教育项目',
        s.p2Department.grade,
        '中共轮台县委组织部',
        '轮台县党员电化教育中心',
        '清理结转结余资金',
        7_870_000,
        '党员远程教育项目（2024）',
        '拟定',
      ],
      [
        '部门评价',
        '党员远程教育项目',
        s.p2Department.grade,
        '中共轮台县委组织部',
        '轮台县党员电化教育中心',
        '调减下年度预算',
        3_000_000,
        '党员远程教育项目（2024）',
        '已撤销',
      ],
      [
        '自评',
        '基层干部培训项目',
        '良',
        '中共轮台县委组织部',
        '中共轮台县委组织部',
        '收回部分资金',
        2_000_000,
        '基层干部培训项目（2024）',
        '已落实',
      ],
      ['自评', '基层干部培训项目', '良', '中共轮台县委组织部', '中共轮台县委组织部', '合理保障', null, '基层干部培训项目（2024）', '拟定'],
    ]);
    expect(rows[3]).toMatchObject({ total: 85.92, evaluationStatusLabel: '已审核通过', note: '培训人次未达标，收回 2 万元' });
    expect(rows[2]!.note).toBe('撤销原因：已在清理结转结余中处理');
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('sums the live actions by action, 主管部门 and unit; the cancelled one is counted apart', () => {
    const s = appliedYear();
    const summary = resultApplicationSummary(s.ctx, { year: 2023 });
    expect(summary).toMatchObject({
      year: 2023,
      nextYear: 2024,
      count: 4,
      applied: 2,
      planned: 2,
      cancelled: 1,
      recoveredFen: 2_000_000,
      clearedFen: 7_870_000,
      cutFen: 1_000_000,
    });
    expect(summary.sentence).toBe(
      '2023 年度评价结果应用于 2024 年度预算 4 项（自评 2 项、部门评价 1 项、重点评价 1 项），收回资金 2.00 万元，清理结转结余资金 7.87 万元，调减预算 1.00 万元。',
    );
    expect(summary.byAction.map((a) => [a.actionType, a.effectLabel, a.count, a.amountFen])).toEqual(
      expect.arrayContaining([
        ['收回部分资金', '收回资金', 1, 2_000_000],
        ['合理保障', null, 1, 0],
        ['清理结转结余资金', '清理结转结余资金', 1, 7_870_000],
        ['核减', '调减预算', 1, 1_000_000],
      ]),
    );
    expect(summary.byAction).toHaveLength(4);
    expect(summary.byDepartment).toEqual([
      { name: '轮台县农业农村局', count: 1, recoveredFen: 0, clearedFen: 0, cutFen: 1_000_000 },
      { name: '中共轮台县委组织部', count: 3, recoveredFen: 2_000_000, clearedFen: 7_870_000, cutFen: 0 },
    ]);
    expect(summary.byUnit.map((u) => [u.departmentName, u.name, u.count, u.recoveredFen + u.clearedFen + u.cutFen])).toEqual([
      ['轮台县农业农村局', '轮台县农业农村局', 1, 1_000_000],
      ['中共轮台县委组织部', '轮台县党员电化教育中心', 1, 7_870_000],
      ['中共轮台县委组织部', '中共轮台县委组织部', 2, 2_000_000],
    ]);
  });

  it('refuses, at the field and in zh-CN, an unknown action, a missing or negative amount, and a project of the wrong year', () => {
    const s = resultActionsYear();
    const record = (more: Partial<EvaluationActionInput>) =>
      refusal(() => recordEvaluationAction(s.ctx, { selfEvaluationId: s.p1Self.id, ...action(more) }));

    const missing = record({ actionType: '清理结转结余资金', amountFen: null });
    expect(missing.fields).toEqual({ amountFen: '“清理结转结余资金”须填写金额（万元），没有金额时填 0' });
    expect(missing.message).toBe('结果应用有 1 处需要改正：“清理结转结余资金”须填写金额（万元），没有金额时填 0。');
    expect(record({ amountFen: -1 }).fields).toEqual({ amountFen: '金额须为不小于 0 的数（万元，最多六位小数）' });
    expect(record({ actionType: '随便' }).fields!.actionType).toMatch(
      /^请选择结果应用方式（优先保障、合理保障、核减、取消或暂停、清理结转结余资金/,
    );
    expect(record({ nextYearProjectId: s.p4.id }).fields).toEqual({
      nextYearProjectId: '请选择 2024 年度的项目（所选项目属于 2023 年度）',
    });
    expect(record({ nextYearProjectId: 99_999 }).fields).toEqual({ nextYearProjectId: '所选的下年度项目不存在，请刷新后重新选择' });
    // 保障 needs no amount; nothing above was written.
    expect(listYearResultActions(s.ctx, { year: 2023 })).toEqual([]);
    recordEvaluationAction(s.ctx, { selfEvaluationId: s.p1Self.id, ...action({ actionType: '优先保障', amountFen: null }) });
    expect(listYearResultActions(s.ctx, { year: 2023 }).map((r) => r.actionType)).toEqual(['优先保障']);
  });

  it('changes and cancels an action, each step audited with the evaluation’s grade as evidence', () => {
    const s = appliedYear();
    updateEvaluationAction(s.ctx, {
      id: s.cleared.id,
      ...action({ actionType: '清理结转结余资金', amountFen: 7_900_000, nextYearProjectId: s.n2.id, status: 'applied' }),
    });
    expect(refusal(() => cancelEvaluationAction(s.ctx, { id: s.cleared.id, reason: ' ' })).fields).toEqual({ reason: '请填写撤销原因' });
    expect(refusal(() => cancelEvaluationAction(s.ctx, { id: s.cut.id, reason: '重复' })).message).toBe('该结果应用已撤销，无需再次撤销。');
    const row = listYearResultActions(s.ctx, { year: 2023 }).find((r) => r.key === `self:${s.cleared.id}`)!;
    expect(row).toMatchObject({ amountFen: 7_900_000, statusLabel: '已落实' });
    expect(resultApplicationSummary(s.ctx, { year: 2023 }).clearedFen).toBe(7_900_000);

    const entries = recentAudit(s.ctx, 50)
      .filter((e) => e.entity === 'self_evaluation_action')
      .reverse();
    expect(entries.map((e) => [e.action, Number(e.entityId)])).toEqual([
      ['resultApplication.record', s.recovered.id],
      ['resultApplication.record', s.recovered.id + 1],
      ['resultApplication.record', s.cleared.id],
      ['resultApplication.record', s.cut.id],
      ['resultApplication.cancel', s.cut.id],
      ['resultApplication.update', s.cleared.id],
    ]);
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({ grade: '良', total: 85.92, amountFen: 2_000_000, actionType: '收回部分资金' });
    expect(JSON.parse(entries[5]!.before!)).toMatchObject({ amountFen: 7_870_000, status: 'planned' });
    expect(JSON.parse(entries[5]!.after!)).toMatchObject({ amountFen: 7_900_000, status: 'applied' });
  });

  it('refuses every write in a closed year and leaves the actions as they were', () => {
    const s = appliedYear();
    s.ctx.ledger.sqlite.prepare(`update fiscal_years set status = 'closed' where year = 2023`).run();
    const before = listYearResultActions(s.ctx, { year: 2023 });
    expect(refusal(() => recordEvaluationAction(s.ctx, { selfEvaluationId: s.p1Self.id, ...action({}) })).message).toBe(
      '2023 年度已关账，只能查看，不能修改。',
    );
    expect(refusal(() => updateEvaluationAction(s.ctx, { id: s.recovered.id, ...action({ amountFen: 1 }) })).code).toBe('year_closed');
    expect(refusal(() => cancelEvaluationAction(s.ctx, { id: s.recovered.id, reason: '关账后撤销' })).code).toBe('year_closed');
    expect(listYearResultActions(s.ctx, { year: 2023 })).toEqual(before);
  });

  it('`report result-actions` prints the summary and gives the list and sums as JSON', async () => {
    const s = appliedYear();
    const run = cliRunner();
    const file = s.ctx.ledger.file;
    const text = await run('report', 'result-actions', '--ledger', file, '--year', '2023');
    expect(text.code).toBe(0);
    const lines = text.out.split('\n');
    expect(lines[0]).toBe(resultApplicationSummary(s.ctx, { year: 2023 }).sentence);
    expect(lines).toContain('另有已撤销 1 项，未计入。');
    expect(lines).toContain('  中共轮台县委组织部：3 项，收回 2.00 万元，清理结转结余 7.87 万元，调减 0.00 万元');

    const json = cliJson(await run('report', 'result-actions', '--ledger', file, '--year', '2023', '--json'));
    expect(json).toMatchObject({ count: 4, cancelled: 1, recoveredFen: 2_000_000, clearedFen: 7_870_000, cutFen: 1_000_000 });
    expect(json.actions).toHaveLength(5);

    const empty = await run('report', 'result-actions', '--ledger', file, '--year', '2024');
    expect(empty.out.trim()).toBe('2024 年度尚未记录评价结果应用。');
  });
});
