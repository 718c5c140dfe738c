/**
 * Whether a 重点绩效评价指标体系 can be used and, if not, what is wrong where. This one check is what the
 * framework editor shows, what the services refuse a framework or a template with, and what the
 * framework workbook import applies once its cells are read.
 *
 * A problem at an input names its field, keyed by 0-based position as the editor's inputs are:
 *   `${i1}.name`  `${i1}.weight`  `${i1}.level2`                      一级: 名称, 权重, 没有二级指标
 *   `${i1}.${i2}.name`  `${i1}.${i2}.indicators`                      二级: 名称, 没有三级指标
 *   `${i1}.${i2}.${i3}.code` / `.name` / `.points` / `.rule` / `.formula`   三级
 * with the short message the editor shows at that input. A problem of the framework as a whole
 * (nothing set up, weights not adding up to 100, a 一级's points not adding up to its weight) has no
 * field. Every problem also has `text`, the sentence saying where it is, for lists: the editor's
 * alert, a refusal, an import's issues.
 */
import { twoDecimalProblem } from './decimals';
import { nameCharacterProblem } from './textRules';
import { sumHundredths, type Framework } from './keyEvaluationScore';

export interface FrameworkProblem {
  /** The input it concerns (see the top); null for the framework as a whole. */
  field: string | null;
  /** What the editor shows at the field; for the framework as a whole, the same as `text`. */
  message: string;
  text: string;
}

/** Longest 编号, 三级指标名称, 评分标准 and 计算公式, so a framework fits the printed scoring table. */
const MAX_LENGTH = { code: 20, name: 100, rule: 2000, formula: 500 } as const;

/** Every problem of the framework, in the order of the framework; empty when it can be used. */
export function checkFramework(f: Framework): FrameworkProblem[] {
  if (f.length === 0) return [whole('尚未设置评价指标体系')];
  const problems: FrameworkProblem[] = [];
  const weights = sumHundredths(f.map((l1) => l1.weight));
  if (weights !== 10_000) problems.push(whole(`一级指标权重合计为 ${weights / 100}，应为 100`));
  const codes = counts(f.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code))));
  // Subtotals are summed by name, so two 一级 (or two 二级 of one 一级) of the same name would merge.
  const level1Names = counts(f.map((l1) => l1.name));
  f.forEach((l1, i1) => {
    const at = (field: string, message: string, text: string) => problems.push({ field: `${i1}.${field}`, message, text });
    const name1 = l1.name.trim();
    const under1 = name1 ? `“${name1}”` : `第 ${i1 + 1} 个一级指标`;
    const where1 = name1 ? `一级指标“${name1}”` : under1;
    const hidden1 = nameCharacterProblem('一级指标名称', name1);
    if (!name1) at('name', '一级指标名称不能为空', `${where1}名称不能为空`);
    else if (level1Names.get(name1)! > 1) at('name', `一级指标“${name1}”重复`, `一级指标“${name1}”重复`);
    else if (hidden1) at('name', hidden1, `第 ${i1 + 1} 个一级指标：${hidden1}`);
    const weight = !(l1.weight >= 0) ? '权重不能为负数' : twoDecimalProblem('权重', l1.weight);
    if (weight) at('weight', weight, `${where1}的${weight}`);
    if (l1.level2.length === 0) at('level2', '请至少设一个二级指标', `${where1}下请至少设一个二级指标`);
    const points = sumHundredths(l1.level2.flatMap((l2) => l2.indicators.map((i) => i.points)));
    if (points !== sumHundredths([l1.weight]))
      problems.push(whole(`${under1}下三级指标分值合计为 ${points / 100}，应等于其权重 ${l1.weight}`));

    const level2Names = counts(l1.level2.map((l2) => l2.name));
    l1.level2.forEach((l2, i2) => {
      const name2 = l2.name.trim();
      const where2 = `${under1}下${name2 ? `二级指标“${name2}”` : `第 ${i2 + 1} 个二级指标`}`;
      const hidden2 = nameCharacterProblem('二级指标名称', name2);
      if (!name2) at(`${i2}.name`, '二级指标名称不能为空', `${where2}名称不能为空`);
      else if (level2Names.get(name2)! > 1) at(`${i2}.name`, `二级指标“${name2}”重复`, `${under1}下二级指标“${name2}”重复`);
      else if (hidden2) at(`${i2}.name`, hidden2, `${under1}下第 ${i2 + 1} 个二级指标：${hidden2}`);
      if (l2.indicators.length === 0) at(`${i2}.indicators`, '请至少设一个三级指标', `${where2}下请至少设一个三级指标`);

      l2.indicators.forEach((ind, i3) => {
        const name3 = ind.name.trim();
        const where3 = name3 ? `三级指标“${name3}”` : `${where2}下第 ${i3 + 1} 个三级指标`;
        const at3 = (field: string, message: string, text = `${where3}：${message}`) => at(`${i2}.${i3}.${field}`, message, text);
        const code = ind.code.trim();
        if (!code) at3('code', '请填写编号');
        else if (codes.get(code)! > 1) at3('code', `编号 ${code} 重复`, `指标编号 ${code} 重复`);
        else if (code.length > MAX_LENGTH.code) at3('code', `编号不超过 ${MAX_LENGTH.code} 个字符`);
        const hidden3 = nameCharacterProblem('三级指标名称', name3);
        if (!name3) at3('name', '三级指标名称不能为空', `${where2}下第 ${i3 + 1} 个三级指标名称不能为空`);
        else if (name3.length > MAX_LENGTH.name) at3('name', `三级指标名称不超过 ${MAX_LENGTH.name} 个字`);
        else if (hidden3) at3('name', hidden3);
        const pointsProblem = !(ind.points > 0) ? '分值须大于 0' : twoDecimalProblem('分值', ind.points);
        if (pointsProblem) at3('points', pointsProblem);
        if (!ind.rule.trim()) at3('rule', '请填写评分标准');
        else if (ind.rule.length > MAX_LENGTH.rule) at3('rule', `评分标准不超过 ${MAX_LENGTH.rule} 个字`);
        if ((ind.formula ?? '').length > MAX_LENGTH.formula) at3('formula', `计算公式不超过 ${MAX_LENGTH.formula} 个字`);
      });
    });
  });
  return problems;
}

/** The problems as sentences for a list (a view, the editor's alert), each once; empty when the framework can be used. */
export function frameworkProblems(f: Framework): string[] {
  return problemTexts(checkFramework(f));
}

/** Each problem's sentence once (a repeated name is a problem at every holder, said once). */
export function problemTexts(problems: readonly FrameworkProblem[]): string[] {
  return [...new Set(problems.map((p) => p.text))];
}

/** The message at each field that has one (the first, should a field have more than one). */
export function fieldErrorsOf(problems: readonly FrameworkProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) if (p.field !== null) errors[p.field] ??= p.message;
  return errors;
}

/** Where a refusal puts the problems: each field's at `framework.<field>`, the framework's own at `framework`. */
export const REFUSAL_FIELD = 'framework';

/** The fields of a refusal (LedgerError.fields) for these problems, so a screen shows each where the editor does. */
export function refusalFields(problems: readonly FrameworkProblem[]): Record<string, string> {
  const fields = Object.fromEntries(
    Object.entries(fieldErrorsOf(problems)).map(([field, message]) => [`${REFUSAL_FIELD}.${field}`, message]),
  );
  const overall = problemTexts(problems.filter((p) => p.field === null));
  return overall.length ? { ...fields, [REFUSAL_FIELD]: overall.join('；') } : fields;
}

function whole(text: string): FrameworkProblem {
  return { field: null, message: text, text };
}

/** How often each value occurs, trimmed. */
function counts(values: readonly string[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const v of values) seen.set(v.trim(), (seen.get(v.trim()) ?? 0) + 1);
  return seen;
}
