/**
 * The indicator table of one declaration sheet read into the indicators saveTarget takes. Blank 一级/二级
 * under a filled row mean "the same"; placeholder rows ("指标2", "……") and rows with no 三级 name are
 * skipped with a note. A 三级 name the target already uses keeps its link (共性 or 个性); a new name
 * matching an active library indicator of the target's class (any class when none is set) is linked as
 * 共性 and takes the library's wording, with a warning where the sheet wrote it differently; anything
 * else is 个性.
 */
import { cellText, type TableFound } from '../formats/findTable';
import type { CellValue } from '../formats/readWorkbook';
import { FOUR_WAY_LEVELS, INDICATOR_NAME_MAX, THREE_WAY_LEVELS } from '../rules/indicatorRules';
import type { IndicatorRow } from '../indicators/indicators';
import type { TargetIndicatorInput, TargetSnapshot } from './targetDetail';
import {
  TARGET_INDICATOR_COLUMNS,
  type Column,
  type HeaderBlock,
  type IndicatorKey,
  type Place,
  type SkippedIndicatorRow,
} from './declarationSheet';
import { describeLevels, parseIndicatorValue, periodWord, PLACEHOLDER_NAME, placeLevels } from './indicatorCells';
import type { IndicatorGroup, IndicatorTable } from './indicatorGroups';
import { PERIOD_LABELS } from './declarationForm';

/** The indicator library, looked up by name (active ones) and id. */
export interface IndicatorLibrary {
  libraryByName: Map<string, IndicatorRow[]>;
  libraryById: Map<number, IndicatorRow>;
  classNameById: Map<number, string>;
}

/** Where each saved indicator came from, to place the service's errors. */
export interface IndicatorPlace {
  row: number;
  columns: Partial<Record<IndicatorKey, Column>>;
}

/**
 * The indicators of a sheet's table, group by group (indicatorGroups.ts): each row with its group's
 * period unless its 指标期限 cell says otherwise. A group with no indicator written in it (the blank
 * 中期 set of a side-by-side form) is passed over quietly. A plain table is read as one 年度 group.
 */
export function readIndicatorRows(
  table: IndicatorTable | TableFound,
  sheetName: string,
  current: TargetSnapshot | null,
  classId: number | null,
  library: IndicatorLibrary,
  block: Pick<HeaderBlock, 'bad' | 'warn'>,
  skippedRows: SkippedIndicatorRow[],
): { indicators: TargetIndicatorInput[]; places: IndicatorPlace[] } {
  const groups: IndicatorGroup[] =
    'groups' in table
      ? table.groups
      : [
          {
            columns: table.columns,
            rows: table.rows,
            skipped: table.skipped,
            period: 'annual',
            guessed: false,
            headerRow: table.headerRow,
          },
        ];
  const written = groups.filter((g) => !isBlank(g));
  const guessed = written.length > 1 ? written.find((g) => g.guessed) : undefined;
  if (guessed) {
    block.warn(
      { row: guessed.headerRow, column: null },
      null,
      '指标表有左右两组指标列，表头没有写明哪组是中期、哪组是年度，已按申报表式样把左边一组读作中期指标、右边一组读作年度指标。如不对，请在两组上方分别写明“中期目标”“年度目标”后重新导入。',
    );
  }
  const read: GroupRead = { indicators: [], places: [], seen: new Map() };
  for (const group of written) readGroup(group, read, sheetName, current, classId, library, block, skippedRows);
  return { indicators: read.indicators, places: read.places };
}

/** No 三级 name and no 指标值 anywhere in it ("指标1：", "/" at most): the 88号 form's 中期 set as units leave it. */
function isBlank(group: IndicatorGroup): boolean {
  const empty = (v: CellValue | undefined) => {
    const t = cellText(v).normalize('NFKC');
    return !t || PLACEHOLDER_NAME.test(t);
  };
  return group.rows.every((r) => empty(r.cells.name) && empty(r.cells.value));
}

/** What the groups of one sheet read so far: names must be unique per period across groups. */
interface GroupRead {
  indicators: TargetIndicatorInput[];
  places: IndicatorPlace[];
  seen: Map<string, number>;
}

function readGroup(
  group: IndicatorGroup,
  read: GroupRead,
  sheetName: string,
  current: TargetSnapshot | null,
  classId: number | null,
  library: IndicatorLibrary,
  block: Pick<HeaderBlock, 'bad' | 'warn'>,
  skippedRows: SkippedIndicatorRow[],
): void {
  const { warn } = block;
  // Counted so a row with any problem is left out of what would be saved.
  let errorCount = 0;
  const bad: HeaderBlock['bad'] = (place, value, problem) => {
    errorCount++;
    block.bad(place, value, problem);
  };
  const col = group.columns;
  const kept = new Map((current?.indicators ?? []).filter((i) => i.libraryIndicatorId != null).map((i) => [i.libraryIndicatorId!, i]));
  const { indicators, places: indicatorPlaces, seen } = read;
  let previous: { row: number; level1: string; level2: string } | null = null;
  const columnOf = (key: IndicatorKey): Column | null => (col[key] ? { letter: col[key]!.letter, header: col[key]!.header } : null);
  // Placeholder rows ("……") between indicators do not end the 一级/二级 written above them.
  const placeholders = new Set(group.skipped.filter((s) => s.kind === 'placeholder').map((s) => s.rowNumber));
  const follows = (row: number) => {
    if (!previous) return false;
    for (let r = previous.row + 1; r < row; r++) if (!placeholders.has(r)) return false;
    return true;
  };
  // A 填报人/联系电话 footer is no news; placeholders, repeated headers and 合计 rows are listed.
  for (const s of group.skipped) {
    if (s.kind !== 'empty' && s.kind !== 'note')
      skippedRows.push({ sheet: sheetName, row: s.rowNumber, reason: s.reason.replace('项目', '指标'), text: s.text });
  }
  for (const { rowNumber: row, cells } of group.rows) {
    const cellAt = (key: IndicatorKey): Place => ({ row, column: columnOf(key) });
    const t = (key: IndicatorKey) => cellText(cells[key]).replace(/\s*\n\s*/g, '');
    // A file without a 性质 column has the operator in the 指标值: its problems are shown there.
    const badCell = (key: IndicatorKey, problem: string) => {
      const at = key === 'nature' && !col.nature ? 'value' : key;
      bad(cellAt(at), cells[at] ?? null, problem);
    };
    const indicatorName = t('name');
    const rawValue = cells.value ?? null;
    const above = follows(row) ? previous : null;
    const level1Text: string = t('level1') || (above && !t('level2') ? above.level1 : '');
    const level2Text: string = t('level2') || (above ? above.level2 : '');
    previous = { row, level1: level1Text, level2: level2Text };

    if (!indicatorName) {
      if (cellText(rawValue) || t('nature') || t('unit'))
        badCell('name', '填写了指标值或计量单位，但没有三级指标名称。请补上三级指标名称，或清空该行。');
      else
        skippedRows.push({
          sheet: sheetName,
          row,
          reason: '没有三级指标名称，已跳过',
          text: [t('level1'), t('level2')].filter(Boolean).join(' '),
        });
      continue;
    }
    if (PLACEHOLDER_NAME.test(indicatorName.normalize('NFKC'))) {
      skippedRows.push({ sheet: sheetName, row, reason: '占位行（如“指标2”“……”），已跳过', text: indicatorName });
      continue;
    }
    const errorsAtRow = errorCount;
    if (indicatorName.length > INDICATOR_NAME_MAX) badCell('name', `三级指标名称超过 ${INDICATOR_NAME_MAX} 个字，请精简。`);

    const placed = placeLevels(level1Text, level2Text);
    if (!level2Text) badCell('level2', '没有填写二级指标。请填写该指标所属的二级指标（如“数量指标”）。');
    else if (!placed) {
      badCell(
        t('level2') ? 'level2' : 'level1',
        `${level1Text ? `一级指标“${level1Text}”下` : ''}没有二级指标“${level2Text}”。可填写：${describeLevels(THREE_WAY_LEVELS)}；四分法的成本指标（${FOUR_WAY_LEVELS['成本指标']!.join('、')}）也可。`,
      );
    }

    let period = group.period;
    const periodText = t('period');
    if (periodText) {
      const p = periodWord(periodText);
      if (p) period = p;
      else badCell('period', `“${periodText}”无法识别，指标期限请填写“年度”或“中期”（不填即为${PERIOD_LABELS[group.period]}）。`);
    }

    const parsed = parseIndicatorValue(t('nature'), rawValue, t('unit'));
    if (parsed.conflict) badCell('value', parsed.conflict);
    if (parsed.fraction)
      warn(
        cellAt('value'),
        rawValue,
        `指标值 ${cellText(rawValue)} 按百分数 ${parsed.value}% 导入（单元格是百分比格式的数字）。如不对，请直接写成“${parsed.value}%”。`,
      );

    // 共性 or 个性: a name the target already has keeps its link; else the library (the class's, or any).
    const existing = current?.indicators.find((i) => i.name === indicatorName && i.period === period);
    let libraryId: number | null;
    if (existing) libraryId = existing.libraryIndicatorId;
    else {
      const candidates = (library.libraryByName.get(indicatorName) ?? []).filter((i) => classId == null || i.classId === classId);
      libraryId = (candidates.find((i) => placed && i.level1 === placed.level1 && i.level2 === placed.level2) ?? candidates[0])?.id ?? null;
    }
    const lib = libraryId != null ? library.libraryById.get(libraryId) : undefined;
    const wording = libraryId != null ? (kept.get(libraryId) ?? lib) : undefined;

    const kindText = t('kind');
    if (/^共性/.test(kindText) && libraryId == null) {
      warn(
        cellAt('kind'),
        kindText,
        `“${indicatorName}”在${classId != null ? `“${library.classNameById.get(classId)}”类` : ''}共性指标库中没有同名指标，按个性指标导入。如应为共性指标，请改用指标库中的名称。`,
      );
    }

    if (parsed.natureText && !parsed.nature)
      badCell('nature', `“${parsed.natureText}”不是可识别的指标性质，请填写 ≥、＞、＝、＜、≤ 或 定性。`);
    if (wording) {
      // The library's (or the target's earlier) wording is what is saved; say so where the sheet differs.
      const differs: string[] = [];
      if (placed && (placed.level1 !== wording.level1 || placed.level2 !== wording.level2)) differs.push(`二级指标为“${wording.level2}”`);
      if (parsed.nature && parsed.nature !== wording.nature) differs.push(`性质为“${wording.nature}”`);
      if (parsed.unit && wording.nature !== '定性' && parsed.unit !== (wording.unit ?? ''))
        differs.push(`计量单位为“${wording.unit ?? '（无）'}”`);
      if (differs.length) warn(cellAt('name'), indicatorName, `“${indicatorName}”是共性指标，按指标库导入：${differs.join('，')}。`);
    } else {
      if (!parsed.nature) {
        if (!parsed.natureText) badCell('nature', '没有填写指标性质。请填写 ≥、＞、＝、＜、≤ 或 定性（也可写在指标值前，如“≥95”）。');
      } else if (parsed.nature !== '定性' && !parsed.unit) {
        badCell('unit', '定量指标须填写计量单位（如“人次”“%”“万元”）。');
      }
    }
    if (!parsed.value)
      badCell(
        'value',
        `没有填写指标值。请填写${wording?.nature === '定性' || parsed.nature === '定性' ? '预期达到的程度（如“有效提升”）' : '目标数值'}，或删除该行。`,
      );

    const key = `${period}\u0000${indicatorName}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) badCell('name', `“${indicatorName}”与第 ${firstRow} 行重名。同一目标中的三级指标不能重复，请合并或改名。`);
    else seen.set(key, row);
    if (errorCount > errorsAtRow || !placed) continue;

    indicators.push(
      wording
        ? {
            libraryIndicatorId: libraryId,
            period,
            level1: wording.level1,
            level2: wording.level2,
            name: wording.name,
            nature: wording.nature,
            value: parsed.value,
            unit: wording.unit,
          }
        : {
            libraryIndicatorId: null,
            period,
            level1: placed.level1,
            level2: placed.level2,
            name: indicatorName,
            nature: parsed.nature!,
            value: parsed.value,
            unit: parsed.nature === '定性' ? null : parsed.unit || null,
          },
    );
    indicatorPlaces.push({
      row,
      columns: Object.fromEntries(TARGET_INDICATOR_COLUMNS.map((c) => [c.key, columnOf(c.key)]).filter(([, v]) => v)),
    });
  }
}
