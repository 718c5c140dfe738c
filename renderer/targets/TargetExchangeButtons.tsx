import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import type { ReviewSheetPreview, TargetImportPreview } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { ReviewSheetImportModal } from './ReviewSheetImportModal';
import { TargetImportModal } from './TargetImportModal';
import { TemplateExportModal } from './TemplateExportModal';

type Staged<P> = { fileId: string; fileName: string; preview: P };

/**
 * The year's declarations as workbooks: 导出申报模板 to hand to the units, 导入申报表 for what they fill
 * in (preview, then all or nothing), 导出公开表 for the county portal (涉密单位 left out).
 */
export function TargetExchangeButtons({ year, onImported }: { year: number; onImported: () => void }) {
  const [busy, setBusy] = useState<'import' | 'publication' | null>(null);
  const [exporting, setExporting] = useState(false);
  const [staged, setStaged] = useState<Staged<TargetImportPreview> | null>(null);

  async function startImport() {
    setBusy('import');
    // The file chooser opens inside this call, before anything is awaited (browsers need the click).
    const result = await ledger.targets.importPreview({ year });
    setBusy(null);
    if (!result.ok) return notifyFailed('无法读取申报表', result.error);
    if (!result.value.cancelled) setStaged(result.value);
  }

  async function exportPublication() {
    setBusy('publication');
    const result = await ledger.targets.publicationExport({ year });
    setBusy(null);
    if (!result.ok) return notifyFailed('未能导出公开表', result.error);
    const { saved, summary: s } = result.value;
    if (!saved) return;
    const classified = s.excludedClassifiedUnits
      ? `；涉密单位 ${s.excludedClassifiedUnits} 个（${s.excludedClassifiedTargets} 个目标）不公开，未列入`
      : '；没有需要排除的涉密单位';
    notifySaved(
      '已导出绩效目标公开表',
      saved.savedAs,
      `${s.unitCount} 个单位，项目支出目标 ${s.projectTargets} 个、部门整体目标 ${s.departmentTargets} 个${classified}`,
    );
  }

  return (
    <>
      <Button variant="default" onClick={() => setExporting(true)} disabled={busy !== null}>
        导出申报模板
      </Button>
      <Button variant="default" onClick={() => void startImport()} loading={busy === 'import'} disabled={busy !== null}>
        导入申报表
      </Button>
      <Button variant="default" onClick={() => void exportPublication()} loading={busy === 'publication'} disabled={busy !== null}>
        导出公开表
      </Button>
      {exporting && <TemplateExportModal year={year} onClose={() => setExporting(false)} />}
      {staged && (
        <TargetImportModal
          year={year}
          {...staged}
          onClose={() => setStaged(null)}
          onImported={() => {
            setStaged(null);
            onImported();
          }}
        />
      )}
    </>
  );
}

interface ReviewSheetButtonsProps {
  /** The targets in review to put in the sheet; empty disables 导出会审意见表. */
  targetIds: number[];
  /** Chosen targets that are not in review and so are left out of the export. */
  leftOut?: number;
  onImported: () => void;
  size?: ButtonProps['size'];
}

/**
 * 会审意见表: out for the third-party institution (the chosen targets in review, their open round read-only
 * with the opinion cells to fill), and the filled workbook back in as that party's opinions.
 */
export function ReviewSheetButtons({ targetIds, leftOut = 0, onImported, size = 'sm' }: ReviewSheetButtonsProps) {
  const [busy, setBusy] = useState<'import' | 'export' | null>(null);
  const [staged, setStaged] = useState<Staged<ReviewSheetPreview> | null>(null);

  async function exportSheet() {
    setBusy('export');
    const result = await ledger.review.sheetExport({ targetIds, party: 'thirdParty' });
    setBusy(null);
    if (!result.ok) return notifyFailed('未能导出会审意见表', result.error);
    const { saved, summary } = result.value;
    if (!saved) return;
    const skipped = leftOut ? `；所选另有 ${leftOut} 个目标不在会审中，未导出` : '';
    notifySaved('已导出会审意见表', saved.savedAs, `${summary.targetCount} 个会审中的绩效目标，交第三方机构填写${skipped}`);
  }

  async function startImport() {
    setBusy('import');
    const result = await ledger.review.sheetImportPreview({ party: null });
    setBusy(null);
    if (!result.ok) return notifyFailed('无法读取会审意见表', result.error);
    if (!result.value.cancelled) setStaged(result.value);
  }

  return (
    <>
      <Button
        size={size}
        variant="default"
        onClick={() => void exportSheet()}
        loading={busy === 'export'}
        disabled={targetIds.length === 0 || busy !== null}
        title={targetIds.length === 0 ? '请先勾选会审中的绩效目标' : undefined}
      >
        导出会审意见表
      </Button>
      <Button size={size} variant="default" onClick={() => void startImport()} loading={busy === 'import'} disabled={busy !== null}>
        导入会审意见表
      </Button>
      {staged && (
        <ReviewSheetImportModal
          {...staged}
          onClose={() => setStaged(null)}
          onImported={() => {
            setStaged(null);
            onImported();
          }}
        />
      )}
    </>
  );
}
