import { Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { TargetDetail } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { unitsByDepartment } from '../projects/unitOptions';
import { FormFooter } from '../common/FormFooter';

interface DepartmentTargetModalProps {
  year: number;
  onClose: () => void;
  onCreated: (target: TargetDetail) => void;
}

/** 填报部门整体目标: a unit's 年度主要任务, 总体目标 and indicators for the whole of its spending. */
export function DepartmentTargetModal({ year, onClose, onCreated }: DepartmentTargetModalProps) {
  const units = useCall('units.list', { year });
  const [unitId, setUnitId] = useState<string | null>(null);
  const form = useBridgeForm(['unitId']);

  async function start(event: FormEvent) {
    event.preventDefault();
    const created = await form.submit(() =>
      ledger.targets.create({ year, projectId: null, unitId: unitId === null ? null : Number(unitId) }),
    );
    if (created) onCreated(created);
  }

  return (
    <Modal opened onClose={onClose} title={`填报部门整体绩效目标（${year} 年度）`}>
      <form onSubmit={start} aria-label="填报部门整体绩效目标">
        <Stack gap="sm">
          {units.error && <LoadError error={units.error} onRetry={units.reload} />}
          <Text fz="sm" c="dimmed">
            部门整体目标写明单位的年度主要任务和总体目标，资金总额取该单位本年度项目的年初预算合计，可在填报时修改。已填报的单位会直接打开原目标。
          </Text>
          <Select
            label="预算单位"
            placeholder="输入单位名称查找"
            searchable
            allowDeselect={false}
            data={units.data ? unitsByDepartment(units.data) : []}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              form.clearError('unitId');
            }}
            error={form.errors.unitId}
          />
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} submitLabel="开始填报" />
        </Stack>
      </form>
    </Modal>
  );
}
