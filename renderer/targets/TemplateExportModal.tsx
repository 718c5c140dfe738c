import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, type ComboboxData } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { UnitRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { notifySaved } from '../exchange/notifyFile';

interface TemplateExportModalProps {
  year: number;
  onClose: () => void;
}

/** Units under their 主管部门 with how many projects each has this year; a unit without projects has no template. */
function unitChoices(units: readonly UnitRow[]): ComboboxData {
  const item = (u: UnitRow) => ({ value: String(u.id), label: `${u.name}（${u.projectCount} 个项目）`, disabled: u.projectCount === 0 });
  return units
    .filter((u) => u.parentId === null)
    .map((d) => ({ group: d.name, items: [d, ...units.filter((u) => u.parentId === d.id)].map(item) }));
}

/**
 * 导出申报模板: the 绩效目标申报表 to hand out — each unit's 部门整体 sheet and one sheet per project — for
 * one unit (the usual case: each unit fills its own), or for every unit of the year in one file.
 */
export function TemplateExportModal({ year, onClose }: TemplateExportModalProps) {
  const units = useCall('units.list', { year });
  const [scope, setScope] = useState<'unit' | 'all'>('unit');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const choices = useMemo(() => unitChoices(units.data ?? []), [units.data]);
  const total = (units.data ?? []).reduce((n, u) => n + u.projectCount, 0);

  async function exportTemplate() {
    if (scope === 'unit' && unitId === null) return setRefusal('请选择预算单位，或选“全部单位”。');
    setBusy(true);
    setRefusal(null);
    const result = await ledger.targets.templateExport({ year, unitId: scope === 'unit' ? Number(unitId) : null });
    setBusy(false);
    if (!result.ok) return setRefusal(result.error.message);
    const { saved, summary } = result.value;
    if (!saved) return;
    const prefilled = summary.prefilledTargets + summary.prefilledDepartments;
    notifySaved(
      '已导出申报模板',
      saved.savedAs,
      `${summary.unitCount} 个单位的部门整体申报表和 ${summary.projectCount} 个项目的项目支出申报表${prefilled ? `，其中 ${prefilled} 张已按台账中的目标预填` : ''}`,
    );
    onClose();
  }

  return (
    <Modal opened onClose={onClose} title={`导出绩效目标申报模板（${year} 年度）`}>
      <Stack gap="sm">
        {units.error && <LoadError error={units.error} onRetry={units.reload} />}
        <Text fz="sm" c="dimmed">
          每个单位一张部门整体申报表（已预填单位名称和项目年初预算合计），每个项目一张项目支出申报表（已预填项目名称、代码、单位和年初预算）；已有目标的按台账内容预填。单位填好后用“导入申报表”导入。
        </Text>
        <Radio.Group label="导出范围" value={scope} onChange={(v) => setScope(v as 'unit' | 'all')}>
          <Stack gap={6} mt={6}>
            <Radio value="unit" label="一个预算单位（发给该单位填写）" />
            <Radio value="all" label={`全部单位（本年度 ${total} 个项目，一个文件）`} />
          </Stack>
        </Radio.Group>
        {scope === 'unit' && (
          <Select
            label="预算单位"
            placeholder="输入单位名称查找"
            searchable
            allowDeselect={false}
            nothingFoundMessage="没有这个单位"
            data={choices}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              setRefusal(null);
            }}
          />
        )}
        {refusal && (
          <Alert color="red" title="未能导出" role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={() => void exportTemplate()} loading={busy}>
            导出
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
