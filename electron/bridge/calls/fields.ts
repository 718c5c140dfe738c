/** Input fields that calls of several areas share, with the zh-CN message a clerk sees at the field. */
import { z } from 'zod';
import { parseMoney } from '../../rules/money';
import { nameCharacterProblem, textCharacterProblem } from '../../rules/textRules';

/** Result shapes the renderer reads through the contract. */
export type { ImportIssue } from '../../formats/importIssue';

export const year = z
  .number({ error: '请选择预算年度' })
  .int('预算年度须为整数')
  .min(2000, '预算年度须在 2000–2100 之间')
  .max(2100, '预算年度须在 2000–2100 之间');

export const id = (what: string) =>
  z
    .number({ error: `缺少${what}` })
    .int()
    .positive(`缺少${what}`);

/** Refuses what rules/textRules.ts says a name may not hold; appended to every name field of the bridge. */
export const nameCharacters = (label: string) => (value: string, ctx: z.RefinementCtx) => {
  const problem = nameCharacterProblem(label, value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

const textCharacters = (label: string) => (value: string, ctx: z.RefinementCtx) => {
  const problem = textCharacterProblem(label, value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** An optional multi-line text: tab and line breaks allowed, control and bidi characters refused. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}不超过 ${max} 个字`)
    .superRefine(textCharacters(label))
    .nullable()
    .transform((v) => v?.trim() || null);

/** An optional name or code: one line, checked as a name. */
export const optionalName = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .superRefine(nameCharacters(label))
    .nullable()
    .transform((v) => v || null);

/** What a refused 万元 field says: the reason names the field or quotes the entry, then what to write. */
function wanYuanIssue(reason: string): string {
  return `${reason}，请填写数字（单位万元），如 12.50`;
}

/** 万元 as typed in a form ("12.5", "1,200.00"); becomes exact 分. `label` names the field in messages. */
export const wanYuan = (label: string) =>
  z.union([z.string(), z.number()], { error: `请填写${label}（万元）` }).transform((v, ctx) => {
    const parsed = parseMoney(v, '万元', label);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: wanYuanIssue(parsed.reason) });
      return z.NEVER;
    }
    return parsed.fen;
  });

/** 万元 as typed, or empty for "not given" (null). */
export const optionalWanYuan = (label: string) =>
  z.union([z.string(), z.number(), z.null()]).transform((v, ctx) => {
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const parsed = parseMoney(v, '万元', label);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: wanYuanIssue(parsed.reason) });
      return z.NEVER;
    }
    return parsed.fen;
  });

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2023-01-31');

export const nothing = z.object({}).strict();
