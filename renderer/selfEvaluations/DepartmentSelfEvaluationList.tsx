import { Button, Group, Loader, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { DepartmentSelfEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { EmptyRow } from '../common/EmptyRow';
import { FormAlert } from '../common/FormAlert';
import { FormFooter } from '../common/FormFooter';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { DepartmentSelfEvaluationPage } from './DepartmentSelfEvaluationPage';
import { ResultCells, ResultHeadCells } from './SelfEvaluationTable';
import { LongTableScroll } from '../common/LongTable';

/** 部门整体自评 of the year: 单位, 总分, 等级, 状态; 新建 for a unit that has none; one evaluation when opened. */
export function DepartmentSelfEvaluationList({ year }: { year: number }) {
  const list = useCall('selfEvaluations.departmentList', { year });
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  if (openId !== null)
    return (
      <DepartmentSelfEvaluationPage
        key={openId}
        id={openId}
        onBack={() => {
          setOpenId(null);
          list.reload();
        }}
        onChanged={list.reload}
      />
    );
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loader aria-label="正在读取部门整体自评" />;
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <Button onClick={() => setCreating(true)}>新建部门整体自评</Button>
      </Group>
      <LongTableScroll minWidth={700}>
        <Table striped highlightOnHover stickyHeader tabularNums aria-label="部门整体自评列表">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>单位</Table.Th>
              <Table.Th>指标体系</Table.Th>
              <ResultHeadCells />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((r) => (
              <Table.Tr key={r.id} data-id={r.id}>
                <Table.Td>{r.unitName}</Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed">
                    {r.templateName}
                  </Text>
                </Table.Td>
                <ResultCells row={r} onOpen={() => setOpenId(r.id)} />
              </Table.Tr>
            ))}
            {list.data.length === 0 && (
              <EmptyRow colSpan={6}>本年度还没有部门整体自评。点击“新建部门整体自评”，选择主管部门和指标体系模板。</EmptyRow>
            )}
          </Table.Tbody>
        </Table>
      </LongTableScroll>
      {creating && (
        <NewDepartmentModal
          year={year}
          onClose={() => setCreating(false)}
          onCreated={(view) => {
            setCreating(false);
            list.reload();
            setOpenId(view.id);
          }}
        />
      )}
    </Stack>
  );
}

/** 新建: a 主管部门 without one this year, and the template its framework is copied from (by default 部门整体). */
function NewDepartmentModal({
  year,
  onClose,
  onCreated,
}: {
  year: number;
  onClose: () => void;
  onCreated: (view: DepartmentSelfEvaluationView) => void;
}) {
  const candidates = useCall('selfEvaluations.departmentCandidates', { year });
  const templates = useCall('keyEvaluations.templates', {});
  const [unitId, setUnitId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>('department');
  const form = useBridgeForm(['unitId', 'templateId']);

  async function create(event: FormEvent) {
    event.preventDefault();
    const view = await form.submit(() =>
      ledger.selfEvaluations.departmentCreate({ year, unitId: unitId ? Number(unitId) : 0, templateId: templateId ?? '' }),
    );
    if (!view) return;
    notifications.show({ color: 'green', title: '已新建部门整体自评', message: view.unitName });
    onCreated(view);
  }

  const error = candidates.error ?? templates.error;
  return (
    <Modal opened onClose={onClose} title={`新建部门整体自评（${year} 年度）`} size="lg">
      <form onSubmit={create} aria-label="新建部门整体自评">
        <Stack gap="sm">
          {error && (
            <LoadError
              error={error}
              onRetry={() => {
                candidates.reload();
                templates.reload();
              }}
            />
          )}
          <Select
            label="主管部门"
            description="只列出本年度还没有部门整体自评的主管部门。"
            placeholder="输入单位名称查找"
            searchable
            allowDeselect={false}
            nothingFoundMessage="没有可以新建的单位"
            data={(candidates.data ?? []).map((c) => ({ value: String(c.unitId), label: c.unitName }))}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              form.clearError('unitId');
            }}
            error={form.errors.unitId}
          />
          <Select
            label="指标体系模板"
            description="指标和分值复制自所选模板；模板在“重点评价 · 指标体系模板”中维护，之后修改模板不影响已建的自评。"
            allowDeselect={false}
            data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={templateId}
            onChange={(v) => {
              setTemplateId(v);
              form.clearError('templateId');
            }}
            error={form.errors.templateId}
          />
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} submitLabel="新建" />
        </Stack>
      </form>
    </Modal>
  );
}
