/**
 * Finding library indicators for a project: the search box on the library screen and the suggestions
 * shown while a project's targets are written. Chinese has no spaces, so words are compared as
 * character pairs (bigrams) — "培训人次" and "干部培训项目" share "培训".
 */

export interface LibraryIndicator {
  id: number;
  className: string;
  level1: string;
  level2: string;
  name: string;
  keywords: string | null;
  explanation: string | null;
  mandatory: boolean;
  retired: boolean;
}

export interface Recommendation {
  indicator: LibraryIndicator;
  score: number;
  /** Why it is suggested, shown beside it ("本类必选指标", "名称含“培训”"). */
  reasons: string[];
}

/** True when every space-separated term of the query occurs in the name, class, keywords or explanation. */
export function matchesIndicator(ind: LibraryIndicator, query: string): boolean {
  const terms = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = [ind.name, ind.className, ind.level1, ind.level2, ind.keywords ?? '', ind.explanation ?? ''].join(' ').toLowerCase();
  return terms.every((t) => haystack.includes(t));
}

/**
 * Ranks active indicators for a project. The project's class (when known) counts most, and its
 * mandatory indicators come first; then the overlap of the project's name and goal with each
 * indicator's name and keywords.
 */
export function recommendIndicators(
  library: readonly LibraryIndicator[],
  project: { className?: string | null; text: string },
  limit = 20,
): Recommendation[] {
  const projectPairs = bigrams(project.text);
  const classGuess = project.className ?? guessClass(library, projectPairs);
  const results: Recommendation[] = [];
  for (const ind of library) {
    if (ind.retired) continue;
    const reasons: string[] = [];
    let score = 0;
    if (classGuess && ind.className === classGuess) {
      score += 10;
      if (ind.mandatory) {
        score += 20;
        reasons.push('本类必选指标');
      } else reasons.push(`属于“${classGuess}”类`);
    }
    const shared = sharedWords(projectPairs, `${ind.name} ${ind.keywords ?? ''}`);
    if (shared.length) {
      score += 4 * shared.length;
      reasons.push(`与项目用词“${shared.slice(0, 3).join('”“')}”相符`);
    }
    if (score > 0) results.push({ indicator: ind, score, reasons });
  }
  return results.sort((a, b) => b.score - a.score || a.indicator.id - b.indicator.id).slice(0, limit);
}

/** The class whose name and indicator words share most with the project's words. */
function guessClass(library: readonly LibraryIndicator[], projectPairs: Set<string>): string | null {
  const score = new Map<string, number>();
  for (const ind of library) {
    const hits = sharedWords(projectPairs, `${ind.className} ${ind.keywords ?? ''}`).length;
    if (hits) score.set(ind.className, (score.get(ind.className) ?? 0) + hits);
  }
  let best: string | null = null;
  for (const [name, s] of score) if (best === null || s > score.get(best)!) best = name;
  return best;
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+|[a-z0-9]+/gi) ?? []) {
    if (run.length === 1) continue;
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2).toLowerCase());
  }
  return out;
}

/** Two-character words of `text` that also occur in the project's words, minus the ones every indicator has. */
function sharedWords(projectPairs: Set<string>, text: string): string[] {
  return [...bigrams(text)].filter((p) => projectPairs.has(p) && !COMMON_PAIRS.has(p));
}

/** Words too common in indicator and project names to say anything ("项目", "指标", "情况" …). */
const COMMON_PAIRS = new Set([
  '项目',
  '指标',
  '情况',
  '完成',
  '数量',
  '质量',
  '时效',
  '成本',
  '效益',
  '满意',
  '意度',
  '工作',
  '建设',
  '资金',
  '年度',
  '县级',
  '实施',
]);
