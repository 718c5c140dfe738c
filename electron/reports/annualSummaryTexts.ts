/**
 * The annual summary's own prose (年度绩效工作情况): the paragraphs the bureau writes around the computed
 * figures — its policy, the next year's plan, the signing date. Each year reads its saved wording, or
 * the default below (the wording of a county bureau's own summary, without its names, so any bureau
 * can start from it); saving is audited and refused in a closed year like every write.
 */
import { and, eq } from 'drizzle-orm';
import { LedgerError } from '../../db/ledgerError';
import { summaryTexts as summaryTextTable } from '../../db/schema';
import { SUMMARY_TEXT_SLOTS, type SummaryTextSlot } from '../../db/vocabulary';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireOpenYear } from '../ledger/years';
import { summaryTextProblem } from '../rules/summaryTextRules';

/** A slot's wording for the year; `edited` is false while it is still the default. */
export interface SummaryText {
  slot: SummaryTextSlot;
  /** What the paragraph is, as the edit button names it. */
  label: string;
  text: string;
  edited: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

const LABELS: Record<SummaryTextSlot, string> = {
  foundation: '建章立制',
  indicatorLead: '共性指标体系',
  jointReview: '三方联合会审',
  syncPolicy: '五个同步',
  exAntePolicy: '事前绩效评估',
  monitoringPolicy: '绩效监控',
  monitoringClosing: '监控纠偏',
  resultPolicy: '评价结果应用',
  resultClosing: '盘活存量',
  keyEvaluationPolicy: '重点绩效评价',
  keyEvaluationClosing: '以评促改',
  nextYearIntro: '下一年度工作安排（总述）',
  nextYearProgress: '下一年度已完成的工作',
  nextYearPlan: '下一步工作',
  signDate: '成文日期',
};

/** The default wording for a year: the bureau's own summary's, with the years of the year in hand. */
function defaultText(slot: SummaryTextSlot, year: number): string {
  const next = year + 1;
  const texts: Record<SummaryTextSlot, string> = {
    foundation:
      '一是为推动预算绩效形成“全县一盘棋、上下一条心、拧成一股劲”，成立以常务副县长为组长的绩效管理领导小组，组建专班，建立定期会商机制，进一步细化实化重点任务、时间表，真正实现清单管理、专班推进。二是为护航预算绩效管理改革，推进预算绩效管理规范化、整体化、公开化建设，提高政府公信力、执行力和公共服务质量，先后印发全面实施预算绩效管理方案、预算绩效考核管理暂行办法、预算绩效管理暂行办法等制度性文件。同时，明确县财政部门抓总体、预算部门负总责、多方抓落实的工作思路，实现由财政部门“一家主导”向各预算部门“共同推进”的转变，确保全面实施预算绩效管理各项任务落到实处。',
    indicatorLead: '一是仔细学习研究全区绩效共性指标体系，结合我县实际情况制定了本县指标体系，共性指标一律使用体系内指标，做到精细设置，',
    jointReview:
      '二是通过建立预算单位、财政部门、第三方机构三方联合会审方式，按照“培训+实操”的方式，着力解决绩效目标设置粗放及不合理的问题，全面提升单位绩效管理水平和合理有效设置预算绩效目标。三是根据部门三定方案或项目实施方案，逐条审核项目及部门整体绩效指标，确保指标设置规范科学合理。',
    syncPolicy:
      '一是“五个同步”挤干预算内资金“水分”。编制年初预算时，将部门预算编制与预算绩效目标填报做到同布置、同申报、同审核、同批复、同公开，预算和预算绩效目标在县人大批复后（除涉密单位和涉密事项外），必须统一在县人民政府门户网站进行公示，自觉接受社会各界监督，通过预算绩效目标信息的公开，促进预算绩效管理提质增效。',
    exAntePolicy:
      '二是“三方会审”严把入口关。对新增重大政策和项目，开展事前绩效评估，重点论证立项必要性、投入经济性、绩效目标合理性、实施方案可行性、筹资合规性等，经审核为“支持”的评估结果作为申请预算的必要条件，对无事实依据、前期准备工作不充分、绩效目标不明确的项目不予入库，推动预算安排理性决策。',
    monitoringPolicy:
      '一是保障绩效监控全覆盖，以年初绩效目标设置为基准、预算管理一体化平台中资金实际使用情况为依据，实现项目支出绩效监控全覆盖。二是狠抓监控结果应用。强化绩效监控结果分析，建立预算执行进度、绩效目标完成情况、预算执行与绩效目标总体完成偏离率三条警戒线，对触线项目及时发出预警，出现绩效运行与绩效监控相偏离情况，及时分析偏离原因，制定纠偏措施加以调整。',
    monitoringClosing:
      '督促单位对存在问题的项目及时整改，通过事中绩效监控，监督财政支出行为，从而不断完善项目管理，进一步落实支出责任，加快预算执行进度，更好地实现绩效目标。',
    resultPolicy: '充分发挥绩效评价结果导向，认真落实预算绩效与预算安排挂钩机制，深化预算单位的绩效责任主体意识，优化财政资金配置。',
    resultClosing: '通过清理结转结余资金、收回部分资金、编制预算时适当调减项目资金额度的方式，盘活存量，优化资金使用效率。',
    keyEvaluationPolicy:
      '财政重点绩效评价在覆盖四本预算前提下，综合衡量各类因素，审慎选择影响力大、社会关注度高、资金预算相对较大的项目，聚焦部门（单位）“业、才、绩”一体融合，将资源配置、资金效益、履职效能作为评价核心要素。',
    keyEvaluationClosing:
      '评价结束后，对评价中发现的问题，及时向预算单位和项目实施单位反馈，并督促整改，形成反馈、整改、提升绩效的良性循环。将重点绩效评价结果按规定向社会公开，并将评价结果与预算安排和工作考核挂钩，切实发挥重点绩效评价“以评促改”作用，持续提升绩效管理水平。',
    nextYearIntro:
      '预算绩效管理作为推进国家治理体系和治理能力现代化建设的重要组成部分，作为深化财税体制改革、建立现代财政制度的重要内容，作为优化财政资源配置、提升公共服务质量的关键举措，与践行新发展理念、推动高质量发展紧密相连。',
    nextYearProgress: `${next} 年目前我县已审核完成 ${next} 年年初预算项目绩效目标设定；整体绩效目标审核；${year} 年项目资金自评表和自评报告审核。`,
    nextYearPlan:
      '下一步严格按照时间节点完成工作任务。一是把预算绩效目标管理作为预算管理的必要前置和约束条件，所有申请财政资金项目要求设定绩效目标，落实财政资金安排由“先定预算，再定项目”向“先定项目，再定预算”转变。二是将绩效运行监控与预算执行分析工作有机结合，实现静态时点监督与动态实时监督相结合，提升预算执行监控的精准性。三是完善预算绩效管理责任和结果引用，将绩效评价与预算资金安排相衔接，对未能如期实现绩效目标或绩效评价结果较差的，在年底通过清理结转结余资金，收回部分项目资金，或在编制下年度预算时适当调减项目资金额度。四是将预算绩效公开作为规范财政资金运行的重要手段，批复下达部门预算时，通过统一规范格式，同步下达绩效目标，同步加大预算绩效公开力度。',
    signDate: `${next}年1月　日`,
  };
  return texts[slot];
}

/** Every slot's wording for the year, in SUMMARY_TEXT_SLOTS order. */
export function yearSummaryTexts(ctx: ServiceContext, year: number): Record<SummaryTextSlot, SummaryText> {
  const saved = new Map(
    ctx.ledger.db
      .select()
      .from(summaryTextTable)
      .where(eq(summaryTextTable.year, year))
      .all()
      .map((r) => [r.slot, r]),
  );
  return Object.fromEntries(
    SUMMARY_TEXT_SLOTS.map((slot) => {
      const row = saved.get(slot);
      return [
        slot,
        {
          slot,
          label: LABELS[slot],
          text: row?.text ?? defaultText(slot, year),
          edited: row !== undefined,
          updatedAt: row?.updatedAt ?? null,
          updatedBy: row?.updatedBy ?? null,
        },
      ];
    }),
  ) as Record<SummaryTextSlot, SummaryText>;
}

/**
 * Saves the bureau's wording of one paragraph; null puts the default wording back. Refused in a closed
 * year, for a year the ledger does not hold, and for an empty or overlong paragraph.
 */
export function saveSummaryText(ctx: ServiceContext, input: { year: number; slot: SummaryTextSlot; text: string | null }): SummaryText {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    const before = yearSummaryTexts(ctx, input.year)[input.slot];
    const text = input.text === null ? null : input.text.trim();
    const problem = text === null ? null : summaryTextProblem(text);
    if (problem) throw new LedgerError('invalid_input', `“${before.label}”未保存：${problem}。`, { text: problem });
    const where = and(eq(summaryTextTable.year, input.year), eq(summaryTextTable.slot, input.slot));
    if (text === null) {
      if (!before.edited) return before;
      ctx.ledger.db.delete(summaryTextTable).where(where).run();
    } else {
      if (before.text === text) return before;
      const values = { text, updatedBy: ctx.actor, updatedAt: ctx.now().toISOString() };
      ctx.ledger.db
        .insert(summaryTextTable)
        .values({ year: input.year, slot: input.slot, ...values })
        .onConflictDoUpdate({ target: [summaryTextTable.year, summaryTextTable.slot], set: values })
        .run();
    }
    appendAudit(ctx, {
      action: text === null ? 'summaryText.reset' : 'summaryText.save',
      entity: 'summary_text',
      entityId: `${input.year}:${input.slot}`,
      before: { text: before.text, edited: before.edited },
      after: { text: text ?? yearSummaryTexts(ctx, input.year)[input.slot].text, edited: text !== null },
    });
    return yearSummaryTexts(ctx, input.year)[input.slot];
  });
}
