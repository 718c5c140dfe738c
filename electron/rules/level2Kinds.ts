/**
 * 二级指标 as real tables word them: one table from each accepted wording to the kind of indicator it
 * names, so a rule asks "is this a 满意度 indicator?" rather than comparing names. Regions word the
 * same 二级 differently (社会公众或服务对象满意度指标, 群众满意度指标 …) and the 四分法 splits 成本 in three
 * (domain.md §2, §8); every checklist, warning line and importer reads the kind from here.
 */

/** The kinds of 二级 the rules distinguish. */
export const LEVEL2_KINDS = ['数量', '质量', '时效', '成本', '经济效益', '社会效益', '生态效益', '可持续影响', '满意度'] as const;

export type Level2Kind = (typeof LEVEL2_KINDS)[number];

/** The 效益 kinds (one 一级 in both layouts). */
export const BENEFIT_KINDS: readonly Level2Kind[] = ['经济效益', '社会效益', '生态效益', '可持续影响'];

/**
 * Accepted wordings without the trailing 指标, as normaliseLevel2 leaves them. 产出数量 … 产出成本 are
 * how 10号文 evaluation frameworks word the 产出 二级; 环境效益 is how older forms word 生态效益.
 */
export const LEVEL2_WORDINGS: Readonly<Record<string, Level2Kind>> = {
  数量: '数量',
  产出数量: '数量',
  质量: '质量',
  产出质量: '质量',
  时效: '时效',
  产出时效: '时效',
  成本: '成本',
  产出成本: '成本',
  经济成本: '成本',
  社会成本: '成本',
  生态环境成本: '成本',
  经济效益: '经济效益',
  社会效益: '社会效益',
  生态效益: '生态效益',
  环境效益: '生态效益',
  可持续影响: '可持续影响',
  满意度: '满意度',
  服务对象满意度: '满意度',
  社会公众或服务对象满意度: '满意度',
  社会公众满意度: '满意度',
  群众满意度: '满意度',
};

/** A 二级 name as the table is keyed: NFKC (full-width letters and spaces), no spaces, no trailing 指标. */
function normaliseLevel2(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/指标$/, '');
}

/** The kind a 二级 name stands for, or null for a wording the table does not know. */
export function level2KindOf(name: string): Level2Kind | null {
  const key = normaliseLevel2(name);
  return Object.hasOwn(LEVEL2_WORDINGS, key) ? LEVEL2_WORDINGS[key]! : null;
}
