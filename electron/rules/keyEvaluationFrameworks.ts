/**
 * 财政重点绩效评价的指标体系模板 (data, not code paths) and re-weighting a framework for one evaluation,
 * plus the zh-CN words for the evaluation's coded values.
 *
 * Templates (domain.md §7):
 * - national10: 财预〔2020〕10号 项目支出绩效评价指标体系框架 (决策 / 过程 / 产出 / 效益), its points
 *   laid out at the default 20/20/30/30;
 * - department: 部门整体支出 (决策 / 过程 / 产出 / 效益 with 预算完成率, 结转结余率, 三公经费控制率,
 *   政府采购执行率 …), also at 20/20/30/30.
 * "The default" is a template spread on the year's ruleSet.keyEvaluation.defaultWeights; any other
 * weights (e.g. 15/25/25/35) are spread the same way with respreadWeights. These two ship with the
 * application and cannot be changed; the bureau's own templates live in the ledger
 * (services/frameworkTemplates.ts) and are usually copies of these, edited.
 */
import type { Framework, FrameworkIndicator } from './keyEvaluationScore';
import type { RuleSet } from './ruleSet';

export interface FrameworkTemplate {
  id: string;
  name: string;
  /** What it is for, shown next to the name. */
  description: string;
  framework: Framework;
}

const ind = (code: string, name: string, points: number, rule: string, formula: string | null = null): FrameworkIndicator => ({
  code,
  name,
  points,
  rule,
  formula,
});

const NATIONAL_10: Framework = [
  {
    name: '决策',
    weight: 20,
    level2: [
      {
        name: '项目立项',
        indicators: [
          ind(
            '1.1.1',
            '立项依据充分性',
            3,
            '项目立项符合法律法规、相关政策、发展规划及部门职责，与同类项目无重复，依据充分得满分，每有一项不符扣 1 分，扣完为止。',
          ),
          ind(
            '1.1.2',
            '立项程序规范性',
            3,
            '按规定程序申请设立，经过必要的可行性研究、专家论证、风险评估、集体决策，审批文件和材料齐全，每有一项不符扣 1 分，扣完为止。',
          ),
        ],
      },
      {
        name: '绩效目标',
        indicators: [
          ind(
            '1.2.1',
            '绩效目标合理性',
            4,
            '设定了绩效目标，与实际工作内容相关，预期产出和效果符合正常业绩水平，与预算资金量相匹配；每有一项不符扣 1 分，扣完为止。',
          ),
          ind(
            '1.2.2',
            '绩效指标明确性',
            3,
            '绩效目标细化分解为具体指标，通过清晰、可衡量的指标值予以体现，与年度任务数和计划数相对应；每有一项不符扣 1 分，扣完为止。',
          ),
        ],
      },
      {
        name: '资金投入',
        indicators: [
          ind(
            '1.3.1',
            '预算编制科学性',
            4,
            '预算编制经过科学论证，内容与项目内容匹配，额度测算依据充分、按标准编制，与工作任务相匹配；每有一项不符扣 1 分，扣完为止。',
          ),
          ind('1.3.2', '资金分配合理性', 3, '资金分配依据充分，分配额度合理，与项目单位或地方实际相适应；不符酌情扣分。'),
        ],
      },
    ],
  },
  {
    name: '过程',
    weight: 20,
    level2: [
      {
        name: '资金管理',
        indicators: [
          ind(
            '2.1.1',
            '资金到位率',
            4,
            '资金到位率 100% 得满分，每低 1 个百分点按比例扣分：得分 = 分值 × 资金到位率。',
            '资金到位率 = 实际到位资金 / 预算资金 × 100%',
          ),
          ind(
            '2.1.2',
            '预算执行率',
            5,
            '预算执行率 100% 得满分，否则得分 = 分值 × 预算执行率。',
            '预算执行率 = 实际支出资金 / 实际到位资金 × 100%',
          ),
          ind(
            '2.1.3',
            '资金使用合规性',
            4,
            '资金使用符合财务管理制度和专项资金管理办法，审批程序和手续完整，无截留、挤占、挪用、虚列支出；每有一项不符扣 1 分，扣完为止。',
          ),
        ],
      },
      {
        name: '组织实施',
        indicators: [
          ind('2.2.1', '管理制度健全性', 3, '已制定相应的财务和业务管理制度，制度合法、合规、完整；不符酌情扣分。'),
          ind(
            '2.2.2',
            '制度执行有效性',
            4,
            '遵守相关法律法规和管理规定，调整及支出调整手续完备，合同书、验收报告、技术鉴定等资料齐全并及时归档；每有一项不符扣 1 分，扣完为止。',
          ),
        ],
      },
    ],
  },
  {
    name: '产出',
    weight: 30,
    level2: [
      {
        name: '产出数量',
        indicators: [
          ind(
            '3.1.1',
            '实际完成率',
            8,
            '实际完成率 100% 得满分，否则得分 = 分值 × 实际完成率。',
            '实际完成率 = 实际产出数 / 计划产出数 × 100%',
          ),
        ],
      },
      {
        name: '产出质量',
        indicators: [
          ind(
            '3.2.1',
            '质量达标率',
            8,
            '质量达标率 100% 得满分，否则得分 = 分值 × 质量达标率。',
            '质量达标率 = 质量达标产出数 / 实际产出数 × 100%',
          ),
        ],
      },
      {
        name: '产出时效',
        indicators: [
          ind(
            '3.3.1',
            '完成及时性',
            7,
            '在计划时间内完成得满分；延期完成的按延期程度酌情扣分，未完成不得分。',
            '完成及时率 = 按时完成产出数 / 实际产出数 × 100%',
          ),
        ],
      },
      {
        name: '产出成本',
        indicators: [
          ind(
            '3.4.1',
            '成本节约率',
            7,
            '实际成本不超过计划成本得满分；超支的按超支比例扣分，扣完为止。',
            '成本节约率 = (计划成本 − 实际成本) / 计划成本 × 100%',
          ),
        ],
      },
    ],
  },
  {
    name: '效益',
    weight: 30,
    level2: [
      {
        name: '项目效益',
        indicators: [
          ind('4.1.1', '社会效益', 6, '项目实施对社会发展产生的直接或间接影响，达到预期得满分，部分达到酌情扣分。'),
          ind('4.1.2', '经济效益', 6, '项目实施对经济发展产生的直接或间接影响，达到预期得满分，部分达到酌情扣分。'),
          ind('4.1.3', '生态效益', 5, '项目实施对生态环境产生的直接或间接影响，达到预期得满分，部分达到酌情扣分。'),
          ind('4.1.4', '可持续影响', 5, '项目完成后后续政策、资金、人员机构和管理制度等可持续保障情况，保障有力得满分，否则酌情扣分。'),
        ],
      },
      {
        name: '满意度',
        indicators: [
          ind(
            '4.2.1',
            '服务对象满意度',
            8,
            '满意度 ≥ 90% 得满分，80%–90% 得 80% 分值，80% 以下按比例得分。',
            '满意度 = 满意人数 / 调查总人数 × 100%',
          ),
        ],
      },
    ],
  },
];

const DEPARTMENT: Framework = [
  {
    name: '决策',
    weight: 20,
    level2: [
      { name: '部门职责', indicators: [ind('1.1.1', '职责明确性', 5, '部门职责清晰、依据充分，与“三定”方案相符；不符酌情扣分。')] },
      {
        name: '绩效目标',
        indicators: [
          ind('1.2.1', '整体绩效目标合理性', 5, '整体绩效目标与部门职责、中长期规划和年度工作计划相符；每有一项不符扣 1 分。'),
          ind('1.2.2', '整体绩效指标明确性', 5, '绩效指标细化、量化、可衡量；每有一项不符扣 1 分。'),
        ],
      },
      {
        name: '预算配置',
        indicators: [
          ind(
            '1.3.1',
            '重点支出安排率',
            5,
            '重点项目支出占项目总支出的比例合理得满分，否则酌情扣分。',
            '重点支出安排率 = 重点项目支出 / 项目总支出 × 100%',
          ),
        ],
      },
    ],
  },
  {
    name: '过程',
    weight: 20,
    level2: [
      {
        name: '预算执行',
        indicators: [
          ind(
            '2.1.1',
            '预算完成率',
            4,
            '预算完成率 100% 得满分，否则得分 = 分值 × 预算完成率。',
            '预算完成率 = 预算完成数 / 预算数 × 100%',
          ),
          ind(
            '2.1.2',
            '结转结余率',
            3,
            '结转结余率越低越好，不超过 5% 得满分，超过的按比例扣分。',
            '结转结余率 = 结转结余总额 / 支出预算数 × 100%',
          ),
          ind(
            '2.1.3',
            '三公经费控制率',
            3,
            '“三公经费”实际支出不超过预算得满分，超支不得分。',
            '三公经费控制率 = 三公经费实际支出数 / 预算安排数 × 100%',
          ),
          ind(
            '2.1.4',
            '政府采购执行率',
            3,
            '按政府采购预算执行得满分，否则按比例扣分。',
            '政府采购执行率 = 实际政府采购金额 / 政府采购预算数 × 100%',
          ),
        ],
      },
      {
        name: '预算管理',
        indicators: [
          ind('2.2.1', '管理制度健全性', 4, '财务、资产和业务管理制度健全并有效执行；不符酌情扣分。'),
          ind('2.2.2', '资产管理规范性', 3, '资产保存完整、配置合理、处置规范、收入及时足额上缴；每有一项不符扣 1 分。'),
        ],
      },
    ],
  },
  {
    name: '产出',
    weight: 30,
    level2: [
      {
        name: '职责履行',
        indicators: [
          ind(
            '3.1.1',
            '重点工作完成率',
            10,
            '年度重点工作全部完成得满分，否则得分 = 分值 × 完成率。',
            '重点工作完成率 = 实际完成重点工作数 / 计划重点工作数 × 100%',
          ),
          ind('3.1.2', '履职质量达标率', 8, '履职质量达到规定标准得满分，否则按比例得分。'),
          ind('3.1.3', '履职及时性', 6, '按规定时间完成各项工作得满分，否则酌情扣分。'),
          ind('3.1.4', '履职成本控制', 6, '履职成本控制在预算内得满分，超支按比例扣分。'),
        ],
      },
    ],
  },
  {
    name: '效益',
    weight: 30,
    level2: [
      {
        name: '履职效益',
        indicators: [
          ind('4.1.1', '社会效益', 12, '部门履职对社会发展的影响达到预期得满分，部分达到酌情扣分。'),
          ind('4.1.2', '可持续影响', 8, '部门履职的长效机制和人才队伍建设情况，保障有力得满分，否则酌情扣分。'),
        ],
      },
      {
        name: '满意度',
        indicators: [
          ind(
            '4.2.1',
            '服务对象满意度',
            10,
            '满意度 ≥ 90% 得满分，80%–90% 得 80% 分值，80% 以下按比例得分。',
            '满意度 = 满意人数 / 调查总人数 × 100%',
          ),
        ],
      },
    ],
  },
];

export const FRAMEWORK_TEMPLATES: readonly FrameworkTemplate[] = [
  {
    id: 'national10',
    name: '项目支出绩效评价指标体系（财预〔2020〕10号框架）',
    description: '决策、过程、产出、效益四个一级指标，默认权重 20/20/30/30',
    framework: NATIONAL_10,
  },
  {
    id: 'department',
    name: '部门整体支出绩效评价指标体系',
    description: '用于部门（单位）整体支出评价，含预算完成率、结转结余率、三公经费控制率、政府采购执行率等',
    framework: DEPARTMENT,
  },
];

export function templateById(id: string): FrameworkTemplate | null {
  return FRAMEWORK_TEMPLATES.find((t) => t.id === id) ?? null;
}

/** The year's default 一级 weights in the order of the templates' 一级 (决策, 过程, 产出, 效益). */
export function defaultWeights(rules: RuleSet): number[] {
  const w = rules.keyEvaluation.defaultWeights;
  return [w.decision, w.process, w.output, w.benefit];
}

/**
 * The framework with its 一级 weights set to `weights` (one per 一级, in order): each 一级's indicators
 * are scaled proportionally in hundredths, and the last indicator of the 一级 takes the rounding so the
 * points add up to the weight exactly. A copy; the input is not changed. The weights are kept as given:
 * whether they add up to 100 and have at most two decimals is checkFramework's to say.
 */
export function respreadWeights(framework: Framework, weights: readonly number[]): Framework {
  if (weights.length !== framework.length) throw new RangeError(`需要 ${framework.length} 个一级指标权重，给出了 ${weights.length} 个`);
  return framework.map((l1, k) => {
    const target = Math.round(weights[k]! * 100);
    const from = l1.level2.reduce((s, l2) => s + l2.indicators.reduce((t, i) => t + Math.round(i.points * 100), 0), 0);
    const all = l1.level2.flatMap((l2) => l2.indicators);
    const last = all[all.length - 1];
    let given = 0;
    return {
      ...l1,
      weight: weights[k]!,
      level2: l1.level2.map((l2) => ({
        ...l2,
        indicators: l2.indicators.map((i) => {
          if (i === last) return { ...i, points: (target - given) / 100 };
          const p = from === 0 ? 0 : Math.round((Math.round(i.points * 100) * target) / from);
          given += p;
          return { ...i, points: p / 100 };
        }),
      })),
    };
  });
}

export const EVALUATION_SUBJECT = { project: '项目支出', department: '部门整体' } as const;
export type EvaluationSubject = keyof typeof EVALUATION_SUBJECT;

export const EVALUATOR = { bureau: '财政部门', thirdParty: '第三方机构' } as const;
export type Evaluator = keyof typeof EVALUATOR;

export const EVALUATION_STATUS = { draft: '拟定', scoring: '评分中', final: '已定稿' } as const;
export type EvaluationStatus = keyof typeof EVALUATION_STATUS;

export const AGGREGATION = { mean: '专家评分平均', trimmedMean: '去掉最高分和最低分后平均' } as const;

/** 评价结果应用 actions (domain.md §6–§7); the year's resultActions may word more. */
export const RESULT_ACTION_TYPES = [
  '优先保障',
  '合理保障',
  '核减',
  '取消或暂停',
  '清理结转结余资金',
  '收回部分资金',
  '调减下年度预算',
] as const;

export const RESULT_ACTION_STATUS = { planned: '拟定', applied: '已落实', cancelled: '已撤销' } as const;
export type ResultActionStatus = keyof typeof RESULT_ACTION_STATUS;
