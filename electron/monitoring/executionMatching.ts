/**
 * Matching an execution row to a project of the round's year: by 项目代码; else by the unit and project
 * name (compared without spaces, full-width and half-width alike); else by the clerk's hand match in
 * this preview, or one remembered from an earlier import of the year. A row left unmatched lists
 * candidates (same unit or a similar name) and blocks the commit until it is matched by hand.
 */
import type { ImportIssue } from '../formats/importIssue';
import { LedgerError } from '../../db/ledgerError';
import type { ProjectRow } from '../projects/projects';

export type MatchedBy = 'code' | 'unitName' | 'remembered' | 'manual';

/** What the row says about itself, as written. */
export interface WrittenProject {
  row: number;
  unitName: string;
  name: string;
  code: string | null;
}

export interface MatchCandidate {
  projectId: number;
  name: string;
  code: string | null;
  unitName: string;
  sameUnit: boolean;
  /** Name similarity 0–1 (shared character pairs; 0.8 at least when one name contains the other). */
  similarity: number;
}

export interface RowMatcher {
  /**
   * The row's project, or null. A second row on a project already matched goes to `bad`; a match by
   * code whose name differs (or the other way round) to `warn`.
   */
  match(
    written: WrittenProject,
    bad: (problem: string) => void,
    warn: (key: 'name' | 'code', value: string, problem: string) => void,
  ): { project: ProjectRow; by: MatchedBy } | null;
  /** Projects matched so far → the first row matched to each. */
  claimed: Map<number, number>;
  /** Hand-matched rows the file does not have (a stale preview). */
  strayManualRows(): number[];
}

/**
 * Matches rows against the year's projects. Every hand match must name one of them; a hand match on
 * a row the file already matches, or on a row it does not have, is refused (the preview is stale).
 */
export function rowMatcher(
  yearProjects: readonly ProjectRow[],
  remembered: ReadonlyMap<string, { projectId: number }>,
  manualMatches: readonly { row: number; projectId: number }[],
  year: number,
  fileName: string,
): RowMatcher {
  const byId = new Map(yearProjects.map((p) => [p.id, p]));
  const byCode = new Map<string, ProjectRow>();
  const byUnitName = new Map<string, ProjectRow>();
  for (const p of yearProjects) {
    if (p.code) byCode.set(codeKey(p.code), p);
    const key = matchKey(p.unitName, p.name);
    if (!byUnitName.has(key)) byUnitName.set(key, p);
  }

  // Hand matches: the project must be the year's; the row is checked once the rows are read.
  const manual = new Map<number, number>();
  for (const m of manualMatches) {
    const p = byId.get(m.projectId);
    if (!p) throw new LedgerError('invalid_input', `手动对应的项目（编号 ${m.projectId}）不是 ${year} 年度的项目。请刷新后重新选择。`);
    manual.set(m.row, m.projectId);
  }
  const manualUsed = new Set<number>();
  const claimed = new Map<number, number>(); // projectId → first row

  const match: RowMatcher['match'] = (written, bad, warn) => {
    const { row } = written;
    let project: ProjectRow | undefined;
    let by: MatchedBy | null = null;
    if (written.code && byCode.has(codeKey(written.code))) {
      project = byCode.get(codeKey(written.code));
      by = 'code';
    } else if (written.name && byUnitName.has(matchKey(written.unitName, written.name))) {
      project = byUnitName.get(matchKey(written.unitName, written.name));
      by = 'unitName';
    }
    const hand = manual.get(row);
    if (hand !== undefined) {
      manualUsed.add(row);
      if (project) {
        throw new LedgerError(
          'invalid_input',
          `${fileName} 第 ${row} 行已按${by === 'code' ? '项目代码' : '单位和项目名称'}对应到“${project.name}”，不能再手动对应。如对应有误，请更正文件中的${by === 'code' ? '项目代码' : '单位或项目名称'}。`,
        );
      }
      project = byId.get(hand);
      by = 'manual';
    }
    if (!project && written.name) {
      const memory = remembered.get(matchKey(written.unitName, written.name));
      if (memory) {
        project = byId.get(memory.projectId);
        by = project ? 'remembered' : null;
      }
    }
    if (!project || !by) return null;
    const first = claimed.get(project.id);
    if (first !== undefined) {
      bad(
        `与第 ${first} 行对应的是同一个项目“${project.name}”（${project.unitName}）。同一项目在执行表中只能有一行，请删除重复行或更正项目代码、名称。`,
      );
    } else {
      claimed.set(project.id, row);
    }
    if (by === 'code' && written.name && nameKey(written.name) !== nameKey(project.name)) {
      warn(
        'name',
        written.name,
        `按项目代码 ${written.code} 对应到台账中的“${project.name}”（${project.unitName}），但表中的项目名称是“${written.name}”。请确认是同一个项目。`,
      );
    }
    if (by === 'unitName' && written.code && project.code && codeKey(written.code) !== codeKey(project.code)) {
      warn('code', written.code, `按单位和项目名称对应到“${project.name}”，但台账中的项目代码是 ${project.code}。请确认是同一个项目。`);
    }
    return { project, by };
  };

  return { match, claimed, strayManualRows: () => [...manual.keys()].filter((r) => !manualUsed.has(r)) };
}

/**
 * Projects a row might be, best first: the same unit or a similar name (at most `limit`). Projects in
 * `exclude` (already matched by another row of the file) are left out.
 */
export function matchCandidates(
  yearProjects: readonly ProjectRow[],
  written: { unitName: string; name: string },
  options: { limit?: number; exclude?: ReadonlySet<number> } = {},
): MatchCandidate[] {
  const unit = unitKey(written.unitName);
  const name = nameKey(written.name);
  const scored: (MatchCandidate & { score: number })[] = [];
  for (const p of yearProjects) {
    if (options.exclude?.has(p.id)) continue;
    const sameUnit = unit !== '' && unitKey(p.unitName) === unit;
    const similarity = nameSimilarity(name, nameKey(p.name));
    if (!sameUnit && similarity < 0.4) continue;
    scored.push({
      projectId: p.id,
      name: p.name,
      code: p.code,
      unitName: p.unitName,
      sameUnit,
      similarity: Math.round(similarity * 100) / 100,
      score: similarity + (sameUnit ? 0.3 : 0),
    });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  return scored.slice(0, options.limit ?? 5).map(({ score: _s, ...c }) => c);
}

/** The commit's refusal while rows are unmatched, naming the first twenty. */
export function unmatchedIssue(fileName: string, rows: readonly WrittenProject[]): ImportIssue {
  const shown = rows.slice(0, 20).map((r) => `第 ${r.row} 行（${r.unitName || '未填单位'}·${r.name || r.code}）`);
  const more = rows.length > 20 ? ` 等` : '';
  return {
    row: null,
    column: null,
    header: null,
    value: null,
    message: `${fileName}：有 ${rows.length} 行未对应到台账中的项目：${shown.join('、')}${more}。这些行必须在预览中逐行手动选择对应的项目（程序会记住，下次自动对应），或在文件中更正单位名称、项目名称或项目代码后重新导入。`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Keys and similarity

/** Names compared without spaces and with full-width forms folded ("（" = "("). */
function nameKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .toLowerCase();
}

/** A unit name as above, without a leading unit code ("101001 轮台县教育局", "[101001]轮台县教育局"). */
function unitKey(text: string): string {
  return nameKey(text).replace(/^[[(【]?[0-9a-z]{3,}[\])】]?[-_:.、]*(?=[\u4e00-\u9fff])/, '');
}

function codeKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The key a remembered match is found by: the platform's unit and project name. */
export function matchKey(unitName: string, projectName: string): string {
  return `${unitKey(unitName)}\u0000${nameKey(projectName)}`;
}

/** Dice coefficient over character pairs; 0.8 at least when one name contains the other. */
function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const pairs = (s: string) => {
    const m = new Map<string, number>();
    if (s.length === 1) m.set(s, 1);
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let shared = 0;
  for (const [k, n] of pa) shared += Math.min(n, pb.get(k) ?? 0);
  const total = [...pa.values()].reduce((s, n) => s + n, 0) + [...pb.values()].reduce((s, n) => s + n, 0);
  const dice = total ? (2 * shared) / total : 0;
  const contains = Math.min(a.length, b.length) >= 2 && (a.includes(b) || b.includes(a));
  return contains ? Math.max(dice, 0.8) : dice;
}
