/** Input fields that calls of several areas share, with the zh-CN message a clerk sees at the field. */
import { z } from 'zod';
import { parseMoney } from '../../rules/money';

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

export const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}不超过 ${max} 个字`)
    .nullable()
    .transform((v) => v?.trim() || null);

/** 万元 as typed in a form ("12.5", "1,200.00"); becomes exact 分. */
export const wanYuan = z.union([z.string(), z.number()], { error: '请填写金额（万元）' }).transform((v, ctx) => {
  const parsed = parseMoney(v, '万元');
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `金额${parsed.reason}，请填写以万元为单位的数字，如 12.50` });
    return z.NEVER;
  }
  return parsed.fen;
});

/** 万元 as typed, or empty for "not given" (null). */
export const optionalWanYuan = z.union([z.string(), z.number(), z.null()]).transform((v, ctx) => {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const parsed = parseMoney(v, '万元');
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `金额${parsed.reason}，请填写以万元为单位的数字` });
    return z.NEVER;
  }
  return parsed.fen;
});

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2023-01-31');

export const nothing = z.object({}).strict();
