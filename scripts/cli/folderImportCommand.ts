/** 从U盘导入 on the command line: `import-folder 文件夹 --ledger 台账 --year 年度 [--dry-run] [--json]`. */
import { closeLedger, openLedger } from '../../db/open';
import { serviceContext } from '../../electron/ledger/context';
import {
  commitFolderImport,
  previewFolderImport,
  readFolderFiles,
  type FolderFileOutcome,
  type FolderFilePreview,
} from '../../electron/exchange/folderImport';
import { FOLDER_FILE_OUTCOME_LABELS, FOLDER_FILE_STATUS_LABELS } from '../../electron/rules/folderImportLabels';
import { requireArg, type CommandRun } from './command';

/**
 * Exit code 0 when every file imported or was unchanged (with --dry-run: would import or is unchanged);
 * 1 when any was refused, not recognised, damaged or must be imported on its own screen.
 */
export async function importFolderCommand({ values, rest, io, now, emit, ledgerPath, year }: CommandRun): Promise<number> {
  const dir = requireArg(
    rest[0],
    'import-folder 需要单位报送文件所在的文件夹，例如：npm run ledger -- import-folder E:\\单位报送 --year 2023',
  );
  const y = year();
  const files = readFolderFiles(dir);
  const ledger = openLedger(ledgerPath(), { mustExist: true });
  try {
    const ctx = serviceContext(ledger, io.actor, now);
    const preview = await previewFolderImport(ctx, { year: y, files });
    if (values['dry-run']) {
      const ok = preview.files.every((f) => f.status === 'ready' || f.status === 'unchanged');
      emit(
        [
          ...preview.files.flatMap((f) => fileBlock(f, null)),
          `检查完毕（--dry-run，未写入）：共 ${files.length} 个文件，可导入 ${preview.ready} 个。`,
          ...notTakenLines(preview.files),
        ],
        { ok, dryRun: true, ...preview },
      );
      if (!ok) io.err('有文件不能导入，见上面列出的原因。');
      return ok ? 0 : 1;
    }
    const result = await commitFolderImport(ctx, { year: y, files });
    const ok = result.files.every((f) => f.outcome === 'imported' || f.outcome === 'unchanged');
    emit(
      [
        ...preview.files.flatMap((f) =>
          fileBlock(
            f,
            result.files.find((o) => o.name === f.name),
          ),
        ),
        `已导入 ${result.imported} 个文件（共 ${files.length} 个）；每个文件全部导入或一项也不写入。导入的文件记入操作记录（从U盘导入）。`,
        ...notTakenLines(preview.files),
      ],
      { ok, dryRun: false, ...result, preview: preview.files },
    );
    if (!ok) io.err('有文件未导入，见上面列出的原因。');
    return ok ? 0 : 1;
  } finally {
    closeLedger(ledger);
  }
}

/** One file: what it is, whose, what was read, what would change, every error and note, and (committed) what happened. */
function fileBlock(f: FolderFilePreview, outcome: FolderFileOutcome | null | undefined): string[] {
  return [
    f.name,
    f.kind ? `  类别：${f.kindLabel}　状态：${FOLDER_FILE_STATUS_LABELS[f.status]}` : `  状态：${FOLDER_FILE_STATUS_LABELS[f.status]}`,
    ...(f.units.length ? [`  单位：${f.units.join('、')}`] : []),
    ...(f.kind ? [`  读取：${f.sheets} 个工作表，${f.rows} 行`] : []),
    ...f.changes.map((c) => `  将${c}`),
    ...(f.reason ? [`  原因：${f.reason}`] : []),
    ...f.errors.map((e) => `  错误：${e.message}`),
    ...f.warnings.map((w) => `  提示：${w.message}`),
    // The reason is above already, unless the commit met something the preview did not.
    ...(outcome
      ? [
          `  结果：${FOLDER_FILE_OUTCOME_LABELS[outcome.outcome]}。${outcome.outcome === 'imported' || outcome.message === f.reason ? '' : outcome.message}`,
        ]
      : []),
  ];
}

/** The files that are not spreadsheets of ours, or cut short, with their reasons. */
function notTakenLines(files: FolderFilePreview[]): string[] {
  const lost = files.filter((f) => f.status === 'unrecognised' || f.status === 'damaged');
  return lost.length
    ? [`无法识别或已损坏的文件 ${lost.length} 个：`, ...lost.map((f) => `  ${f.name}（${f.kindLabel}）：${f.reason}`)]
    : [];
}
