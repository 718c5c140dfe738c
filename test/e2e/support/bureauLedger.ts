/**
 * A small county ledger for the browser tests, written through the services as a clerk would: two
 * years, departments with their units, and projects across the four budgets.
 */
import type { ServiceContext } from '../../../electron/ledger/context';
import { loadDefaultLibrary } from '../../../electron/indicators/indicators';
import { createProject } from '../../../electron/projects/projects';
import { createUnit } from '../../../electron/projects/units';
import { createYear } from '../../../electron/settings/yearSetup';
import type { ProjectType } from '../../../electron/rules/labels';
import { parseMoney } from '../../../electron/rules/money';
import type { BudgetKind, Continuity } from '../../../db/vocabulary';

interface UnitSeed {
  name: string;
  code: string;
  classified?: boolean;
  units?: { name: string; code: string }[];
}

export const UNITS: UnitSeed[] = [
  {
    name: '县教育局',
    code: '101',
    units: [
      { name: '县第一中学', code: '101001' },
      { name: '县特殊教育学校', code: '101002' },
    ],
  },
  {
    name: '县卫生健康委员会',
    code: '102',
    units: [
      { name: '县人民医院', code: '102001' },
      { name: '县疾病预防控制中心', code: '102002' },
    ],
  },
  { name: '县农业农村局', code: '103', units: [{ name: '县农业技术推广中心', code: '103001' }] },
  { name: '县住房和城乡建设局', code: '104' },
  { name: '县人力资源和社会保障局', code: '105', units: [{ name: '县社会保险事业管理中心', code: '105001' }] },
  { name: '县民政局', code: '106' },
  { name: '县财政局', code: '108', units: [{ name: '县国有资产服务中心', code: '108001' }] },
  { name: '县委机要保密局', code: '109', classified: true },
];

export interface ProjectSeed {
  year: number;
  unit: string;
  code: string;
  name: string;
  type: ProjectType;
  kind: BudgetKind;
  continuity: Continuity;
  /** 年初预算数 as typed, in 万元. */
  wanYuan: string;
  major?: boolean;
}

export const PROJECTS: ProjectSeed[] = [
  {
    year: 2023,
    unit: '县特殊教育学校',
    code: 'XM2023001',
    name: '2023年特殊教育资源教室采购项目',
    type: '政府采购',
    kind: 'general',
    continuity: 'new',
    wanYuan: '86.4',
  },
  {
    year: 2023,
    unit: '县第一中学',
    code: 'XM2023002',
    name: '县第一中学教学楼维修改造项目',
    type: '重点建设项目',
    kind: 'general',
    continuity: 'new',
    wanYuan: '1250',
    major: true,
  },
  {
    year: 2023,
    unit: '县教育局',
    code: 'XM2023003',
    name: '农村义务教育学生营养改善计划',
    type: '补助补贴',
    kind: 'general',
    continuity: 'continuing',
    wanYuan: '932.56',
  },
  {
    year: 2023,
    unit: '县疾病预防控制中心',
    code: 'XM2023004',
    name: '基本公共卫生服务项目',
    type: '特定目标类',
    kind: 'general',
    continuity: 'continuing',
    wanYuan: '612.3',
  },
  {
    year: 2023,
    unit: '县人民医院',
    code: 'XM2023005',
    name: '县人民医院医疗设备购置项目',
    type: '政府采购',
    kind: 'general',
    continuity: 'new',
    wanYuan: '480',
  },
  {
    year: 2023,
    unit: '县农业技术推广中心',
    code: 'XM2023006',
    name: '2023年耕地轮作补助项目',
    type: '补助补贴',
    kind: 'general',
    continuity: 'continuing',
    wanYuan: '356.75',
  },
  {
    year: 2023,
    unit: '县农业农村局',
    code: 'XM2023007',
    name: '铁热克巴扎乡羊养殖及特色林果种植基地项目',
    type: '重点建设项目',
    kind: 'fund',
    continuity: 'new',
    wanYuan: '2100',
    major: true,
  },
  {
    year: 2023,
    unit: '县农业农村局',
    code: 'XM2023008',
    name: '“轮台白杏”广告代理服务费',
    type: '政府购买服务',
    kind: 'general',
    continuity: 'new',
    wanYuan: '45',
  },
  {
    year: 2023,
    unit: '县住房和城乡建设局',
    code: 'XM2023009',
    name: '煤改电二期居民供暖设施入户改造工程',
    type: '重点建设项目',
    kind: 'fund',
    continuity: 'new',
    wanYuan: '3480.2',
    major: true,
  },
  {
    year: 2023,
    unit: '县住房和城乡建设局',
    code: 'XM2023010',
    name: '城镇老旧小区改造专项债券付息',
    type: '政府债务',
    kind: 'fund',
    continuity: 'continuing',
    wanYuan: '215.6',
  },
  {
    year: 2023,
    unit: '县社会保险事业管理中心',
    code: 'XM2023011',
    name: '困难企业退休人员生活补助项目',
    type: '补助补贴',
    kind: 'socialInsurance',
    continuity: 'continuing',
    wanYuan: '128.88',
  },
  {
    year: 2023,
    unit: '县社会保险事业管理中心',
    code: 'XM2023012',
    name: '城乡居民基本养老保险待遇发放',
    type: '其他运转类',
    kind: 'socialInsurance',
    continuity: 'continuing',
    wanYuan: '5620',
  },
  {
    year: 2023,
    unit: '县国有资产服务中心',
    code: 'XM2023013',
    name: '县属国有企业资本金注入项目',
    type: '特定目标类',
    kind: 'stateCapital',
    continuity: 'new',
    wanYuan: '300',
  },
  {
    year: 2023,
    unit: '县民政局',
    code: 'XM2023014',
    name: '80岁以上老年人基本生活津贴和免费体检项目',
    type: '补助补贴',
    kind: 'general',
    continuity: 'continuing',
    wanYuan: '265.44',
  },
  {
    year: 2024,
    unit: '县农业技术推广中心',
    code: 'XM2024001',
    name: '2024年耕地轮作补助项目',
    type: '补助补贴',
    kind: 'general',
    continuity: 'continuing',
    wanYuan: '362.1',
  },
  {
    year: 2024,
    unit: '县民政局',
    code: 'XM2024002',
    name: '2024年80岁以上老年人基本生活津贴项目',
    type: '补助补贴',
    kind: 'general',
    continuity: 'continuing',
    wanYuan: '270',
  },
  {
    year: 2024,
    unit: '县人民医院',
    code: 'XM2024003',
    name: '县人民医院发热门诊改造项目',
    type: '重点建设项目',
    kind: 'general',
    continuity: 'new',
    wanYuan: '690.5',
    major: true,
  },
];

export function fen(wanYuan: string): number {
  const parsed = parseMoney(wanYuan, '万元');
  if (!parsed.ok) throw new Error(`bad amount in fixture: ${wanYuan}`);
  return parsed.fen;
}

export function projectsOf(year: number): ProjectSeed[] {
  return PROJECTS.filter((p) => p.year === year);
}

export function unitCount(): number {
  return UNITS.reduce((n, d) => n + 1 + (d.units?.length ?? 0), 0);
}

/** Writes the bureau's years, units and projects into an empty ledger. */
export function fillBureauLedger(ctx: ServiceContext): void {
  createYear(ctx, { year: 2023 });
  createYear(ctx, { year: 2024 });
  const unitIds = new Map<string, number>();
  for (const d of UNITS) {
    const dept = createUnit(ctx, { name: d.name, code: d.code, parentId: null, classified: d.classified ?? false });
    unitIds.set(d.name, dept.id);
    for (const u of d.units ?? [])
      unitIds.set(u.name, createUnit(ctx, { name: u.name, code: u.code, parentId: dept.id, classified: false }).id);
  }
  for (const p of PROJECTS) addProject(ctx, p, unitIds.get(p.unit)!);
}

/**
 * A training project of the party school, for the indicator library's recommendations; kept out of
 * PROJECTS so the other suites' counts and totals stay as they are.
 */
export const TRAINING_PROJECT: ProjectSeed = {
  year: 2023,
  unit: '县委党校',
  code: 'XM2023101',
  name: '2023年基层干部培训项目',
  type: '特定目标类',
  kind: 'general',
  continuity: 'continuing',
  wanYuan: '38.6',
};

/** The bureau's ledger plus the default common indicator library (26 classes, 310 indicators) and TRAINING_PROJECT. */
export function fillBureauLedgerWithLibrary(ctx: ServiceContext): void {
  fillBureauLedger(ctx);
  loadDefaultLibrary(ctx);
  const school = createUnit(ctx, { name: TRAINING_PROJECT.unit, code: '110', parentId: null, classified: false });
  addProject(ctx, TRAINING_PROJECT, school.id);
}

function addProject(ctx: ServiceContext, p: ProjectSeed, unitId: number): void {
  createProject(ctx, {
    year: p.year,
    unitId,
    code: p.code,
    name: p.name,
    projectType: p.type,
    budgetKind: p.kind,
    continuity: p.continuity,
    initialBudgetFen: fen(p.wanYuan),
    majorPolicy: p.major ?? false,
  });
}
