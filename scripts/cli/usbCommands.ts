/** 导出到U盘 and 校验U盘文件 on the command line: `package` and `verify`. */
import { openLedger, closeLedger } from '../../db/open';
import { serviceContext } from '../../electron/ledger/context';
import { PACKAGE_KINDS, UNIT_FORM_KINDS } from '../../electron/exchange/packageKinds';
import { writePackage } from '../../electron/exchange/usbPackage';
import { verifyPackage } from '../../electron/exchange/usbVerify';
import { requireArg, type CommandRun } from './command';
import { UsageError } from './io';

/** --include's name for the ledger snapshot, beside the kinds of PACKAGE_KINDS and the units' forms. */
const SNAPSHOT = 'snapshot';
export const INCLUDE_CHOICES = [...Object.keys(PACKAGE_KINDS), SNAPSHOT, ...Object.keys(UNIT_FORM_KINDS)];

export async function packageCommand({ values, io, now, emit, ledgerPath, year }: CommandRun): Promise<number> {
  const y = year();
  const out = requireArg(values.out, 'package 需要 --out 指定U盘上的空文件夹，例如：--out E:\\2023年度报送');
  const chosen = values.include
    ?.split(/[,，]/)
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = chosen?.filter((k) => !INCLUDE_CHOICES.includes(k)) ?? [];
  if (unknown.length > 0) throw new UsageError(`--include 中没有“${unknown.join('、')}”这种内容。可选：${INCLUDE_CHOICES.join('、')}。`);
  if (chosen?.length === 0) throw new UsageError(`--include 不能为空。可选：${INCLUDE_CHOICES.join('、')}。`);
  const ledger = openLedger(ledgerPath(), { mustExist: true });
  try {
    const result = await writePackage(serviceContext(ledger, io.actor, now), {
      year: y,
      outDir: out,
      include: chosen?.filter((k) => k !== SNAPSHOT),
      snapshot: chosen ? chosen.includes(SNAPSHOT) : true,
    });
    emit(
      [
        `已导出到 ${result.folder}：${result.files.length} 个文件和清单。`,
        ...result.files.map((f) => `  ${f.name}（${f.label}，${f.sizeBytes} 字节）`),
        ...result.skipped.map((s) => `未导出${s.label}：${s.reason}`),
        result.failed.length === 0
          ? '已从目标文件夹读回每个文件并核对 SHA-256：全部一致。'
          : `读回核对不一致：${result.failed.map((f) => `${f.name}（${f.reason}）`).join('；')}。请换一个U盘或文件夹重新导出。`,
      ],
      { ok: result.failed.length === 0, ...result },
    );
    if (result.failed.length > 0) io.err('导出的文件读回核对不一致，请重新导出。');
    return result.failed.length === 0 ? 0 : 1;
  } finally {
    closeLedger(ledger);
  }
}

export function verifyCommand({ rest, io, emit }: CommandRun): number {
  const dir = requireArg(rest[0], 'verify 需要U盘上的文件夹，例如：npm run ledger -- verify E:\\2023年度报送');
  const check = verifyPackage(dir);
  emit(check.messages, { ok: check.complete, ...check });
  if (!check.complete) io.err(check.problem ?? '文件夹与清单不一致，见上面的列表。');
  return check.complete ? 0 : 1;
}
