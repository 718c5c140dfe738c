/** Text output: what an import preview or result, and a ledger check, say on the terminal. */
import type { ExecutionImportPreview, ExecutionImportResult } from '../../electron/monitoring/executionImport';
import type { IndicatorImportPreview } from '../../electron/indicators/indicatorExchange';
import type { LedgerCheck } from '../../electron/ledger/integrity';
import type { ProjectImportPreview } from '../../electron/projects/projectImport';
import type { ReviewSheetPreview } from '../../electron/targets/reviewSheet';
import type { TargetImportPreview } from '../../electron/targets/targetImport';
import { REVIEW_PARTIES as REVIEW_PARTY_LABELS } from '../../electron/rules/jointReview';
import { formatWanYuan } from '../../electron/rules/money';

export function describeProjectPreview(p: ProjectImportPreview, dryRun: boolean): string[] {
  const lines: string[] = [];
  const head = dryRun ? '检查结果（未写入）' : p.canCommit ? '导入完成' : '未导入';
  lines.push(
    `${head}：${p.fileName}${p.sheet ? ` 工作表“${p.sheet}”` : ''}${p.headerRow ? `，表头在第 ${p.headerRow}${p.headerRowCount === 2 ? `–${p.headerRow + 1}` : ''} 行` : ''}`,
  );
  if (p.columns.length) lines.push(`识别的列：${p.columns.map((c) => `${c.letter}=${c.label}`).join('，')}`);
  if (p.moneyUnitNote) lines.push(p.moneyUnitNote);
  if (p.headerRow) {
    const verb = dryRun || !p.canCommit ? '将' : '已';
    lines.push(
      `数据行 ${p.dataRows} 行：${verb}新增单位 ${p.unitsToCreate.length} 个，${verb}新增项目 ${p.projectsToCreate.length} 个，${verb}修改项目 ${p.projectsToUpdate.length} 个，未变化 ${p.unchanged.length} 个；年初预算合计 ${formatWanYuan(p.totalFen)} 万元。`,
    );
    const types = p.projectTypesToCreate.map((t) => `${t.name}（第 ${t.rows.join('、')} 行）`);
    if (types.length) lines.push(`${verb}新增项目类型 ${types.length} 个：${types.join('；')}`);
  }
  for (const u of p.projectsToUpdate) {
    lines.push(
      `  第 ${u.row} 行 修改“${u.name}”：${u.changes.map((c) => `${c.label} ${c.before || '（空）'} → ${c.after || '（空）'}`).join('；')}`,
    );
  }
  if (p.skipped.length) {
    lines.push(`跳过 ${p.skipped.length} 行${p.blankRows ? `（另有空行 ${p.blankRows} 行）` : ''}：`);
    for (const s of p.skipped) lines.push(`  第 ${s.rowNumber} 行 ${s.reason}：${s.text}`);
  }
  if (p.warnings.length) {
    lines.push(`提示 ${p.warnings.length} 条：`);
    for (const w of p.warnings) lines.push(`  ${w.message}`);
  }
  if (p.errors.length) {
    lines.push(`错误 ${p.errors.length} 处${dryRun ? '' : '，未导入任何数据'}：`);
    for (const e of p.errors) lines.push(`  ${e.message}`);
  }
  return lines;
}

export function describeCheck(file: string, c: LedgerCheck): string[] {
  return [
    `台账：${file}`,
    `文件结构：${c.integrity === 'ok' ? '正常' : `损坏（${c.integrity.join('；')}）`}`,
    `外键：${c.foreignKeyViolations.length === 0 ? '正常' : `${c.foreignKeyViolations.length} 处不一致`}`,
    `审计日志：${c.audit.entries} 条，${c.audit.brokenAt == null ? '哈希链完整' : `从第 ${c.audit.brokenAt} 条起不符`}`,
    `表结构：${c.schema.length === 0 ? '与本程序的数据库迁移一致' : c.schema.join('；')}`,
    `外部锚点：${c.anchor.message}`,
    `记录与审计：${c.auditedState.length === 0 ? '项目、预算单位均与审计记录一致' : `${c.auditedState.length} 处不符`}`,
    `记录数：${Object.entries(c.counts)
      .map(([t, n]) => `${t} ${n}`)
      .join('，')}`,
    c.ok ? '结论：台账完好。' : `结论：发现问题。${c.problems.join(' ')}`,
  ];
}

export function describeIndicatorPreview(preview: IndicatorImportPreview, dryRun: boolean): string[] {
  const lines = [
    `${preview.fileName}：${preview.sheetsNote}`,
    `${dryRun || preview.errors.length ? '将' : '已'}新增类别 ${preview.classesToCreate.length} 个、指标 ${preview.toCreate.length} 条，更新 ${preview.toUpdate.length} 条，${preview.unchanged} 条无变化。`,
  ];
  for (const u of preview.toUpdate) lines.push(`  第 ${u.row} 行 ${u.className}·${u.name}：${u.changes.join('；')}`);
  if (preview.errors.length)
    lines.push(`发现 ${preview.errors.length} 处错误，未导入任何数据：`, ...preview.errors.map((e) => `  ${e.message}`));
  for (const w of preview.warnings) lines.push(`  提示：${w.message}`);
  return lines;
}

export function describeTargetPreview(p: TargetImportPreview, dryRun: boolean): string[] {
  const head = dryRun ? '检查结果（未写入）' : p.canCommit ? '导入完成' : '未导入';
  const verb = dryRun || !p.canCommit ? '将' : '已';
  const skipped = p.sheets.filter((s) => s.action === 'skip');
  const departments = p.sheets.filter((s) => s.subject === 'department').length;
  const lines = [
    `${head}：${p.fileName}，${p.year} 年度，申报表 ${p.sheets.length} 张${departments ? `（其中部门整体 ${departments} 张）` : ''}：${verb}新建绩效目标 ${p.toCreate} 个，${verb}修改 ${p.toUpdate} 个，未变化 ${p.unchanged} 个${skipped.length ? `，未填写跳过 ${skipped.length} 张` : ''}。`,
  ];
  const actions = { create: '新建', update: '修改', unchanged: '未变化', skip: '跳过', error: '有错误' } as const;
  for (const s of p.sheets) {
    const what =
      s.action === 'skip'
        ? (s.note ?? '')
        : `指标 ${s.indicatorCount} 个（共性 ${s.commonCount} 个），年度资金 ${s.annualTotalFen == null ? '—' : formatWanYuan(s.annualTotalFen)} 万元`;
    const name = s.subject === 'department' ? s.unitName && `${s.unitName}部门整体` : s.projectName;
    lines.push(`  工作表“${s.sheet}”${name ? `（${name}）` : ''}：${actions[s.action]}，${what}`);
    for (const c of s.changes) lines.push(`    ${c}`);
  }
  if (p.ignoredSheets.length) lines.push(`未读取的工作表：${p.ignoredSheets.map((s) => `“${s.sheet}”`).join('、')}（不是申报表）`);
  if (p.skippedRows.length) {
    lines.push(`跳过 ${p.skippedRows.length} 行：`);
    for (const r of p.skippedRows) lines.push(`  工作表“${r.sheet}”第 ${r.row} 行 ${r.reason}${r.text ? `：${r.text}` : ''}`);
  }
  if (p.warnings.length) lines.push(`提示 ${p.warnings.length} 条：`, ...p.warnings.map((w) => `  ${w.message}`));
  if (p.errors.length)
    lines.push(`错误 ${p.errors.length} 处${dryRun ? '' : '，未导入任何数据'}：`, ...p.errors.map((e) => `  ${e.message}`));
  return lines;
}

export function describeReviewPreview(p: ReviewSheetPreview, dryRun: boolean): string[] {
  const verb = dryRun || !p.canCommit ? '将' : '已';
  const lines = [`${p.fileName}：会审意见表 ${p.sheets.length} 张，${verb}录入意见 ${p.toRecord} 份，与已录入相同 ${p.unchanged} 份。`];
  for (const s of p.sheets) {
    if (s.action === 'error') continue;
    lines.push(
      `  工作表“${s.sheet}”${s.row ? `第 ${s.row} 行` : ''}：${s.name} 第 ${s.roundNo} 轮，${s.party ? REVIEW_PARTY_LABELS[s.party] : ''}，${Object.values(s.grades).join('/')}${s.action === 'unchanged' ? '（未变化）' : ''}`,
    );
  }
  if (p.ignoredSheets.length) lines.push(`未读取的工作表：${p.ignoredSheets.map((s) => `“${s.sheet}”`).join('、')}`);
  lines.push(...p.notes.map((n) => `工作表“${n.sheet}”：${n.note}`));
  if (p.warnings.length) lines.push(...p.warnings.map((w) => `  提示：${w.message}`));
  if (p.errors.length) lines.push(`错误 ${p.errors.length} 处，未录入任何意见：`, ...p.errors.map((e) => `  ${e.message}`));
  return lines;
}

export function describeExecutionPreview(p: ExecutionImportPreview, dryRun: boolean, written: ExecutionImportResult | null): string[] {
  const head = dryRun ? '检查结果（未写入）' : written ? '导入完成' : '未导入';
  const by = { code: '按项目代码', unitName: '按单位和项目名称', remembered: '按记住的手动对应', manual: '手动对应' } as const;
  const status = { new: '新增', changed: '有变化', unchanged: '未变化' } as const;
  const lines = [
    `${head}：${p.fileName}${p.sheet ? ` 工作表“${p.sheet}”` : ''} → ${p.year} 年度“${p.roundName}”（截至 ${p.asOfMonth} 月）${p.headerRow ? `，表头在第 ${p.headerRow}${p.headerRowCount === 2 ? `–${p.headerRow + 1}` : ''} 行` : ''}`,
  ];
  if (p.columns.length) lines.push(`识别的列：${p.columns.map((c) => `${c.letter}=${c.label}`).join('，')}`);
  if (p.moneyUnitNote) lines.push(p.moneyUnitNote);
  if (p.headerRow) {
    lines.push(
      `数据行 ${p.dataRows} 行：对应到项目 ${p.counts.matched} 行（新增 ${p.counts.new}、有变化 ${p.counts.changed}、未变化 ${p.counts.unchanged}），未对应 ${p.counts.unmatched} 行，有错误 ${p.counts.rejected} 行${p.moneyUnit ? `；调整后预算合计 ${formatWanYuan(p.totals.adjustedBudgetFen)} 万元，执行数合计 ${formatWanYuan(p.totals.executedFen)} 万元` : '（金额单位待定，不列金额）'}。`,
    );
  }
  if (written)
    lines.push(
      `已写入：新增 ${written.created} 条、更新 ${written.updated} 条执行记录${written.rememberedMatches ? `，记住手动对应 ${written.rememberedMatches} 条` : ''}。`,
    );
  if (p.matched.length) {
    lines.push('对应到项目的行：');
    for (const r of p.matched) {
      lines.push(
        `  第 ${r.row} 行 ${r.projectUnitName}·${r.projectName}（${by[r.by]}）${p.moneyUnit ? `：调整后预算 ${formatWanYuan(r.adjustedBudgetFen)} 万元，执行 ${formatWanYuan(r.executedFen)} 万元，${status[r.status]}` : ''}`,
      );
      for (const c of p.moneyUnit ? r.changes : []) lines.push(`    ${c.label} ${c.before} → ${c.after}`);
    }
  }
  if (p.unmatched.length) {
    lines.push(`未对应到项目的行 ${p.unmatched.length} 行（须在程序的导入预览中手动对应，或更正文件后重新导入）：`);
    for (const r of p.unmatched) {
      const candidates = r.candidates.map((c) => `${c.unitName}·${c.name}${c.code ? `（${c.code}）` : ''}`).join('；');
      lines.push(
        `  第 ${r.row} 行 ${r.unitName || '（未填单位）'}·${r.name}${r.code ? `（${r.code}）` : ''}${candidates ? `，可能是：${candidates}` : '，台账中没有相近的项目'}`,
      );
    }
  }
  if (p.notInFile.length)
    lines.push(
      `本轮次已有执行记录、但文件中没有的项目 ${p.notInFile.length} 个（记录保留）：${p.notInFile.map((n) => `${n.unitName}·${n.projectName}`).join('、')}`,
    );
  if (p.skipped.length) {
    lines.push(`跳过 ${p.skipped.length} 行${p.blankRows ? `（另有空行 ${p.blankRows} 行）` : ''}：`);
    for (const s of p.skipped) lines.push(`  第 ${s.rowNumber} 行 ${s.reason}：${s.text}`);
  }
  if (p.warnings.length) lines.push(`提示 ${p.warnings.length} 条：`, ...p.warnings.map((w) => `  ${w.message}`));
  if (p.errors.length)
    lines.push(`错误 ${p.errors.length} 处${dryRun ? '' : '，未导入任何数据'}：`, ...p.errors.map((e) => `  ${e.message}`));
  return lines;
}
