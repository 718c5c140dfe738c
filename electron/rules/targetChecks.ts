/**
 * 绩效目标的机审: what is checked before anyone reviews a target (财预〔2015〕88号 practice), as a
 * checklist the declaring unit can work through. Each item says what failed and where. Errors block
 * submission to 三方联合会审; warnings are shown but do not block.
 */
import { isLowerBetter } from './indicatorRules';
import type { RuleSet } from './ruleSet';
import type { Nature, Subject } from '../../db/vocabulary';

export type TargetRules = RuleSet['targets'];

/**
 * A target's indicator as every layer reads it: the checks here, the stored row and the bridge input
 * (targets/targetDetail.ts adds the period and the library link), the monitoring form (which keeps the
 * indicator as it stood when reported). Shapes that differ say why: a declaration sheet row is text
 * (targets/declarationForm.ts), the editor's row is typed text (renderer/targets/targetDraft.ts), and the
 * warning rule reads a target value beside a current one (warningLines.ts).
 */
export interface TargetIndicator {
  level1: string;
  level2: string;
  name: string;
  nature: Nature;
  /** 指标值 as written: "500", "≥95%", "10月底前", "有效提升". */
  value: string;
  unit: string | null;
}

export interface TargetDraft {
  subject: Subject;
  annualGoal: string;
  midTermGoal: string | null;
  /** 部门整体: 年度主要任务. */
  mainTasks: string | null;
  funds: { totalFen: number; fiscalFen: number; otherFen: number };
  indicators: TargetIndicator[];
  /** Names of the library's mandatory indicators for the target's class, when a class is chosen. */
  mandatoryNames: string[];
}

export interface CheckItem {
  id: string;
  label: string;
  ok: boolean;
  severity: 'error' | 'warning';
  /** Why it failed, naming the indicators concerned; empty when ok. */
  detail: string;
}

/** 二级 groups a project target must cover, with the 二级 names that satisfy each. */
const REQUIRED_GROUPS: { id: string; label: string; level2: readonly string[] }[] = [
  { id: 'quantity', label: '至少一个数量指标', level2: ['数量指标'] },
  { id: 'qualityOrTime', label: '至少一个质量或时效指标', level2: ['质量指标', '时效指标'] },
  { id: 'benefit', label: '至少一个效益指标', level2: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
  { id: 'satisfaction', label: '至少一个满意度指标', level2: ['服务对象满意度指标'] },
];

/**
 * The checklist of a target under the year's rules. The default serves only the workbook import
 * (targets/targetImport.ts), which does not pass its year's rules yet; every other caller passes them.
 */
export function checkTarget(target: TargetDraft, rules: TargetRules): CheckItem[] {
  const minSatisfaction = rules.minSatisfactionPercent;
  const items: CheckItem[] = [];
  const add = (id: string, label: string, failures: string[], severity: CheckItem['severity'] = 'error') =>
    items.push({ id, label, ok: failures.length === 0, severity, detail: failures.join('；') });

  add('annualGoal', '填写年度总体目标', target.annualGoal.trim() ? [] : ['年度总体目标为空']);
  if (target.subject === 'department')
    add('mainTasks', '填写年度主要任务', target.mainTasks?.trim() ? [] : ['部门整体目标须写明年度主要任务']);

  for (const group of REQUIRED_GROUPS) {
    const has = target.indicators.some((i) => group.level2.includes(i.level2));
    add(`group.${group.id}`, group.label, has ? [] : [`缺少${group.level2.join('或')}`]);
  }

  add(
    'units',
    '定量指标都有计量单位',
    target.indicators.filter((i) => i.nature !== '定性' && !i.unit?.trim()).map((i) => `“${i.name}”缺少计量单位`),
  );

  add(
    'values',
    '每个指标都有指标值',
    target.indicators.filter((i) => !i.value.trim()).map((i) => `“${i.name}”缺少指标值`),
  );

  add(
    'satisfaction',
    `满意度指标值不低于 ${minSatisfaction}%`,
    target.indicators
      .filter((i) => i.level2 === '服务对象满意度指标')
      .filter((i) => {
        const n = numberIn(i.value);
        return n !== null && !isLowerBetter(i.nature) && (n < 1 && i.unit === '%' ? n * 100 : n) < minSatisfaction;
      })
      .map((i) => `“${i.name}”为 ${i.value}${i.unit ?? ''}`),
  );

  const { totalFen, fiscalFen, otherFen } = target.funds;
  add('funds', '资金来源合计等于资金总额', fiscalFen + otherFen === totalFen ? [] : ['财政拨款与其他资金之和不等于资金总额']);

  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const i of target.indicators) (seen.has(i.name) ? duplicates : seen).add(i.name);
  add(
    'duplicates',
    '三级指标不重名',
    [...duplicates].map((n) => `“${n}”出现多次`),
  );

  const present = new Set(target.indicators.map((i) => i.name));
  add(
    'mandatory',
    '包含本类必选指标',
    target.mandatoryNames.filter((n) => !present.has(n)).map((n) => `缺少必选指标“${n}”`),
    'warning',
  );

  add(
    'vague',
    '定量指标的指标值具体可衡量',
    // "提高", "有效改善": fine for 定性, vague for an indicator that promises a quantity.
    target.indicators
      .filter((i) => i.nature !== '定性' && i.value.trim() !== '' && numberIn(i.value) === null)
      .map((i) => `“${i.name}”的指标值“${i.value}”不是数字`),
    'warning',
  );
  return items;
}

/** True when no error-level item failed. */
export function passesChecks(items: readonly CheckItem[]): boolean {
  return items.every((i) => i.ok || i.severity === 'warning');
}

/** The number in a value as units write it: "500", "≥95%", "1,200", "0.9"; null when there is none. */
export function numberIn(value: string): number | null {
  const m = /-?\d+(?:,\d{3})*(?:\.\d+)?/.exec(value.normalize('NFKC'));
  return m ? Number(m[0].replace(/,/g, '')) : null;
}
