/**
 * Names refuse control, bidi and zero-width characters: through the dispatcher (every form) and in an
 * imported workbook (at the cell), in Chinese, and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/bridge/dispatcher';
import { previewProjectImport } from '../../electron/projects/projectImport';
import { listUnits } from '../../electron/projects/units';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { freshContext } from './tempLedger';

const NUL = '\u0000';
const RLO = '\u202E';

async function refused(call: string, input: unknown, field: string) {
  const ctx = freshContext({ year: 2023 });
  const answer = await dispatch(ctx, call, input);
  expect(answer.ok).toBe(false);
  if (answer.ok) return '';
  expect(answer.error.code).toBe('invalid_input');
  expect(answer.error.message).toMatch(/^输入有误：.+请修改后重试。$/);
  return answer.error.fields?.[field] ?? '';
}

describe('a name with a hidden character', () => {
  it('is refused at the field by every kind of name form, saying which character and where', async () => {
    expect(await refused('units.create', { name: `轮台县${NUL}财政局`, code: null, parentId: null, classified: false }, 'name')).toBe(
      '单位名称含有空字符（U+0000，在“轮台县”之后）。不能含控制字符、文字方向控制符或零宽字符（常由复制粘贴带入），请删除该字符后重新填写',
    );
    expect(await refused('units.create', { name: `${RLO}局政财县台轮`, code: null, parentId: null, classified: false }, 'name')).toMatch(
      /^单位名称含有文字方向控制符（U\+202E，在开头）/,
    );
    expect(await refused('units.create', { name: '轮台县财政局', code: `01${RLO}0`, parentId: null, classified: false }, 'code')).toMatch(
      /^单位代码含有文字方向控制符/,
    );
    const project = { year: 2023, unitId: 1, code: null, projectType: '政府采购', budgetKind: 'general', initialBudget: '10' };
    expect(
      await refused('projects.create', { ...project, name: `农田水利${RLO}维护`, continuity: 'new', majorPolicy: false }, 'name'),
    ).toMatch(/^项目名称含有文字方向控制符（U\+202E，在“农田水利”之后）/);
    expect(await refused('indicators.createClass', { name: `产出\u200B指标` }, 'name')).toMatch(/^类别名称含有零宽字符/);
    expect(
      await refused(
        'monitoring.saveRound',
        { id: null, year: 2023, name: `5月${NUL}监控`, asOfMonth: 5, scope: 'project', dueDate: '2023-06-10' },
        'name',
      ),
    ).toMatch(/^轮次名称含有空字符/);
    expect(await refused('settings.save', { bureauName: `轮台县${RLO}财政局`, noticePrefix: null }, 'bureauName')).toMatch(
      /^财政局名称含有文字方向控制符/,
    );
    expect(await refused('operator.setName', { displayName: `张${NUL}三` }, 'displayName')).toMatch(/^经办人姓名含有空字符/);
  });

  it('writes nothing, and the same name without the character is accepted', async () => {
    const ctx = freshContext({ year: 2023 });
    await dispatch(ctx, 'units.create', { name: `轮台县${NUL}财政局`, code: null, parentId: null, classified: false });
    expect(listUnits(ctx, { year: 2023 })).toEqual([]);
    const ok = await dispatch(ctx, 'units.create', { name: '轮台县财政局', code: null, parentId: null, classified: false });
    expect(ok).toMatchObject({ ok: true, value: { name: '轮台县财政局' } });
  });
});

describe('an imported project workbook with a hidden character in a name', () => {
  it('is reported at its cell, and the preview cannot be committed', () => {
    const ctx = freshContext({ year: 2023 });
    const bytes = xlsx([
      PROJECT_HEADER,
      projectRow(1),
      projectRow(2, { unit: `轮台县${RLO}第二中学` }),
      projectRow(3, { name: `测试${NUL}项目3` }),
      projectRow(4, { type: `政府${RLO}采购` }),
    ]);
    const preview = previewProjectImport(ctx, { year: 2023, fileName: '项目.xlsx', bytes });
    expect(preview.canCommit).toBe(false);
    const at = (row: number) => preview.errors.filter((e) => e.row === row).map((e) => [e.column, e.message]);
    expect(at(3)).toEqual([['C', expect.stringMatching(/第 3 行 C 列.*单位名称含有文字方向控制符（U\+202E，在“轮台县”之后）/)]]);
    expect(at(4)).toEqual([['E', expect.stringMatching(/第 4 行 E 列.*项目名称含有空字符（U\+0000，在“测试”之后）/)]]);
    expect(at(5)).toEqual([['F', expect.stringMatching(/第 5 行 F 列.*项目类型含有文字方向控制符/)]]);
    expect(at(2)).toEqual([]);
    expect(listUnits(ctx, { year: 2023 })).toEqual([]);
  });
});
