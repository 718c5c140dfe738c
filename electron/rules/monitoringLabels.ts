/**
 * 绩效监控表的取值: the zh-CN words for 完成可能性, 偏差原因 and the three warning lines, the synonyms a
 * filled template may use for them, and which fields a monitoring row requires (domain.md §5: if the
 * likelihood is not 确定能, or the indicator is red or yellow, a reason and an explanation are required).
 * Pure: the screen, the template export and import, and the service all read it from here.
 */
import type { DeviationReason, Likelihood, Nature, WarningColour, WarningLine } from '../../db/vocabulary';
import { numberIn } from './targetChecks';

export const LIKELIHOODS: Record<Likelihood, string> = { certain: '确定能', possible: '有可能', impossible: '完全不可能' };

export const DEVIATION_REASONS: Record<DeviationReason, string> = {
  funding: '经费保障',
  institution: '制度保障',
  staffing: '人员保障',
  hardware: '硬件条件保障',
  other: '其他',
};

export const WARNING_LINES: Record<WarningLine, string> = {
  execution: '预算执行进度',
  completion: '绩效目标完成情况',
  deviation: '预算执行与绩效目标总体完成偏离率',
};

/** The 定性 levels a 当前完成值 takes for a qualitative indicator (see warningLines.indicatorLine). */
export const QUALITATIVE_LEVELS = ['达成', '部分达成', '未达成'] as const;

/** The fields of a monitoring row, with the words the form and its errors use. */
export const ENTRY_FIELD_LABELS = {
  currentValue: '当前完成值',
  expectedValue: '全年预计完成值',
  likelihood: '完成可能性',
  deviationReason: '偏差原因',
  explanation: '原因说明',
  correctiveAction: '纠偏措施',
} as const;
export type EntryField = keyof typeof ENTRY_FIELD_LABELS;

const normalise = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

const LIKELIHOOD_SYNONYMS: Record<string, Likelihood> = {
  确定能: 'certain',
  确定能完成: 'certain',
  能: 'certain',
  能完成: 'certain',
  确定: 'certain',
  有可能: 'possible',
  可能: 'possible',
  有可能完成: 'possible',
  完全不可能: 'impossible',
  不可能: 'impossible',
  不能: 'impossible',
  不能完成: 'impossible',
  完全不可能完成: 'impossible',
};

const REASON_SYNONYMS: Record<string, DeviationReason> = {
  经费保障: 'funding',
  经费: 'funding',
  资金保障: 'funding',
  制度保障: 'institution',
  制度: 'institution',
  人员保障: 'staffing',
  人员: 'staffing',
  硬件条件保障: 'hardware',
  硬件条件: 'hardware',
  硬件: 'hardware',
  其他: 'other',
  其它: 'other',
};

/** 完成可能性 as a clerk writes it ("确定能", "有可能", "完全不可能", or the code); null when unknown. */
export function likelihoodFromText(text: string): Likelihood | null {
  const t = normalise(text);
  if (t in LIKELIHOODS) return t as Likelihood;
  return LIKELIHOOD_SYNONYMS[t] ?? null;
}

/** 偏差原因 as written ("经费保障", "其他", or the code); null when unknown. */
export function deviationReasonFromText(text: string): DeviationReason | null {
  const t = normalise(text);
  if (t in DEVIATION_REASONS) return t as DeviationReason;
  return REASON_SYNONYMS[t] ?? null;
}

/** Which fields a row requires now, given what is filled in and the indicator's live colour. */
export function requiredEntryFields(row: { currentValue: string; likelihood: Likelihood | null }, colour: WarningColour): EntryField[] {
  const required: EntryField[] = [];
  if (row.currentValue.trim() !== '') required.push('likelihood');
  if ((row.likelihood !== null && row.likelihood !== 'certain') || colour === 'red' || colour === 'yellow')
    required.push('deviationReason', 'explanation');
  return required;
}

/** Why a field is required, for the message at the field. */
export function requiredReason(field: EntryField, row: { likelihood: Likelihood | null }, colour: WarningColour): string {
  if (field === 'likelihood') return '已填写当前完成值';
  if (row.likelihood !== null && row.likelihood !== 'certain') return `完成可能性为“${LIKELIHOODS[row.likelihood]}”`;
  return `当前为${colour === 'red' ? '红灯' : '黄灯'}`;
}

/**
 * What is wrong with a reported figure (当前完成值 or 全年预计完成值), naming the indicator; null when it
 * can be saved. A 定性 indicator reports one of QUALITATIVE_LEVELS; any other reports a number that is
 * never negative, since what has been done so far (a count, a rate, an amount) cannot fall below zero.
 */
export function entryValueProblem(
  indicator: { name: string; nature: Nature },
  field: 'currentValue' | 'expectedValue',
  value: string,
): string | null {
  const text = value.trim();
  if (text === '') return null;
  const { name } = indicator;
  if (indicator.nature === '定性') {
    if (field === 'currentValue' && !(QUALITATIVE_LEVELS as readonly string[]).includes(text))
      return `“${name}”是定性指标，当前完成值应为${QUALITATIVE_LEVELS.join('、')}之一`;
    return null;
  }
  const label = ENTRY_FIELD_LABELS[field];
  const n = numberIn(text);
  if (n === null) return `“${name}”的${label}“${text}”不是数字`;
  if (n < 0) return `“${name}”的${label}不能为负数（填的是“${text}”），请填写 0 或正数`;
  return null;
}
