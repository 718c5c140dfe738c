/**
 * The bridge contract: every call the renderer can make, in one list. Each entry names the call
 * (`area.action`), its zod input schema (with the zh-CN message a clerk sees at the field), its result
 * type and whether it writes. The preload, the dispatcher, the browser host and the renderer's typed
 * client are all derived from this object; adding a call is one entry here plus its handler.
 *
 * This file is shared with the renderer: it may import zod, pure rules and types only.
 */
import { z } from 'zod';
import { BUDGET_KINDS, CONTINUITY, PROJECT_TYPES, type BudgetKind } from './rules/labels';
import { parseMoney } from './rules/money';
import type { AuditEntry } from './services/audit';
import type { LedgerInfo } from './services/ledgerInfo';
import type { ProjectRow } from './services/projects';
import type { UnitRow } from './services/units';
import type { YearSummary } from './services/years';

export interface CallSpec<I extends z.ZodType, R> {
  readonly input: I;
  readonly write: boolean;
  readonly doc: string;
  /** Type-only carrier of the result type; never set at run time. */
  readonly result?: R;
}

const read =
  <R>() =>
  <I extends z.ZodType>(input: I, doc: string): CallSpec<I, R> => ({ input, write: false, doc });
const write =
  <R>() =>
  <I extends z.ZodType>(input: I, doc: string): CallSpec<I, R> => ({ input, write: true, doc });

const year = z.number({ error: '请选择预算年度' }).int('预算年度须为整数').min(2000, '预算年度须在 2000–2100 之间').max(2100, '预算年度须在 2000–2100 之间');
const id = (what: string) => z.number({ error: `缺少${what}` }).int().positive(`缺少${what}`);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}不超过 ${max} 个字`)
    .nullable()
    .transform((v) => v?.trim() || null);

/** 万元 as typed in a form ("12.5", "1,200.00"); becomes exact 分. */
const wanYuan = z.union([z.string(), z.number()], { error: '请填写金额（万元）' }).transform((v, ctx) => {
  const parsed = parseMoney(v, '万元');
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `金额${parsed.reason}，请填写以万元为单位的数字，如 12.50` });
    return z.NEVER;
  }
  return parsed.fen;
});

const unitFields = z.object({
  name: z.string({ error: '请填写单位名称' }).trim().min(1, '请填写单位名称').max(100, '单位名称不超过 100 个字'),
  code: optionalText(50, '单位代码'),
  parentId: z.number().int().positive().nullable(),
  classified: z.boolean(),
});

const budgetKindCodes = Object.keys(BUDGET_KINDS) as [BudgetKind, ...BudgetKind[]];
const continuityCodes = Object.keys(CONTINUITY) as [keyof typeof CONTINUITY, ...(keyof typeof CONTINUITY)[]];

const projectFields = z
  .object({
    year,
    unitId: id('预算单位').or(z.null()).refine((v) => v !== null, '请选择预算单位'),
    code: optionalText(50, '项目代码'),
    name: z.string({ error: '请填写项目名称' }).trim().min(1, '请填写项目名称').max(200, '项目名称不超过 200 个字'),
    projectType: z.enum(PROJECT_TYPES, { error: '请选择项目类型' }),
    budgetKind: z.enum(budgetKindCodes, { error: '请选择预算类型（四本预算之一）' }),
    initialBudget: wanYuan,
    continuity: z.enum(continuityCodes, { error: '请选择新增或延续' }),
    majorPolicy: z.boolean(),
  })
  .transform(({ initialBudget, unitId, ...rest }) => ({ ...rest, unitId: unitId as number, initialBudgetFen: initialBudget }));

const nothing = z.object({}).strict();

export const contract = {
  'ledger.info': read<LedgerInfo>()(nothing, '当前台账文件的名称、大小和审计记录数'),
  'audit.recent': read<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(500) }), '最近的审计记录'),
  'years.list': read<YearSummary[]>()(nothing, '台账中的预算年度'),
  'years.create': write<YearSummary>()(z.object({ year }), '新建预算年度（沿用上一年度的规则）'),
  'units.list': read<UnitRow[]>()(z.object({ year }), '预算单位及其在该年度的项目数与预算'),
  'units.create': write<UnitRow>()(unitFields, '新增预算单位'),
  'units.update': write<UnitRow>()(unitFields.extend({ id: id('单位') }), '修改预算单位'),
  'projects.list': read<ProjectRow[]>()(z.object({ year }), '某年度的全部项目'),
  'projects.create': write<ProjectRow>()(projectFields, '新增项目'),
  'projects.update': write<ProjectRow>()(z.intersection(projectFields, z.object({ id: id('项目') })), '修改项目'),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallArgs<K extends CallName> = z.output<Contract[K]['input']>;
export type CallResult<K extends CallName> = NonNullable<Contract[K]['result']>;

export interface BridgeError {
  code: string;
  message: string;
  /** Per-field messages, keyed by the input's field name, for forms. */
  fields?: Record<string, string>;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** `window.ledger.<area>.<action>(input)`: the shape the preload and the HTTP client expose. */
type AreaOf<K> = K extends `${infer A}.${string}` ? A : never;
type ActionOf<K, A extends string> = K extends `${A}.${infer B}` ? B : never;
export type LedgerApi = {
  [A in AreaOf<CallName>]: {
    [B in ActionOf<CallName, A>]: (input: CallInput<`${A}.${B}` & CallName>) => Promise<Envelope<CallResult<`${A}.${B}` & CallName>>>;
  };
};

/** Builds the nested API object from one function that sends a call; used by the preload and the HTTP client. */
export function buildApi(send: (call: CallName, input: unknown) => Promise<Envelope<unknown>>): LedgerApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const name of callNames) {
    const [area, action] = name.split('.') as [string, string];
    (api[area] ??= {})[action] = (input: unknown) => send(name, input);
  }
  return api as unknown as LedgerApi;
}
