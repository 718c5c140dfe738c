import { Group, Modal, Radio, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { AGGREGATION, EVALUATOR, type Evaluator } from '../../electron/rules/keyEvaluationFrameworks';
import { fenToWanYuanInput, formatWanYuan } from '../../electron/rules/money';
import type { KeyEvaluationRow, KeyEvaluationView, ProjectRow, Subject, UnitRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { FormFooter } from '../common/FormFooter';
import type { Aggregation } from '../../electron/bridge/contract';

interface SelectEvaluationModalProps {
  year: number;
  projects: ProjectRow[];
  units: UnitRow[];
  /** The year's evaluations, so projects and 部门整体 already chosen are marked. */
  taken: KeyEvaluationRow[];
  onClose: () => void;
  onSelected: (view: KeyEvaluationView) => void;
}

const FIELDS = [
  'projectId',
  'unitId',
  'name',
  'selectionReason',
  'evaluator',
  'evaluatorName',
  'covered',
  'coveredFen',
  'aggregation',
] as const;

/** 选定评价项目: a project of the year or a unit's 部门整体 spending, the reason, who evaluates, the money covered. */
export function SelectEvaluationModal({ year, projects, units, taken, onClose, onSelected }: SelectEvaluationModalProps) {
  const [subject, setSubject] = useState<Subject>('project');
  const [projectId, setProjectId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [evaluator, setEvaluator] = useState<Evaluator>('thirdParty');
  const [evaluatorName, setEvaluatorName] = useState('');
  const [covered, setCovered] = useState('');
  const [aggregation, setAggregation] = useState<Aggregation>('mean');
  const form = useBridgeForm(FIELDS);

  const takenProjects = useMemo(() => new Set(taken.map((t) => t.projectId).filter((id): id is number => id !== null)), [taken]);
  const projectOptions = useMemo(
    () =>
      projects.map((p) => ({ value: String(p.id), label: `${p.name}${p.code ? `（${p.code}）` : ''}`, disabled: takenProjects.has(p.id) })),
    [projects, takenProjects],
  );
  // Chosen subjects are shown but cannot be picked again, so the ledger's refusal is never the first news.
  const takenUnits = useMemo(() => new Set(taken.filter((t) => t.subject === 'department').map((t) => t.unitId)), [taken]);
  const unitOptions = useMemo(
    () => units.map((u) => ({ value: String(u.id), label: u.name, disabled: takenUnits.has(u.id) })),
    [units, takenUnits],
  );
  const picked = projects.find((p) => String(p.id) === projectId);
  const pickedUnit = units.find((u) => String(u.id) === unitId);

  async function select(event: FormEvent) {
    event.preventDefault();
    const view = await form.submit(() =>
      ledger.keyEvaluations.select({
        year,
        subject,
        projectId: subject === 'project' && projectId ? Number(projectId) : null,
        unitId: subject === 'department' && unitId ? Number(unitId) : null,
        name: null,
        selectionReason: reason,
        evaluator,
        evaluatorName: evaluatorName.trim() || null,
        covered: covered.trim() === '' ? null : covered,
        aggregation,
      }),
    );
    if (!view) return;
    notifications.show({ color: 'green', title: '已选定重点评价项目', message: view.name });
    onSelected(view);
  }

  return (
    <Modal opened onClose={onClose} title={`选定评价项目（${year} 年度）`} size="lg">
      <form onSubmit={select} aria-label="选定评价项目">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="评价对象类型"
            data={[
              { value: 'project', label: '项目支出' },
              { value: 'department', label: '部门整体' },
            ]}
            value={subject}
            onChange={(v) => {
              setSubject(v as Subject);
              setCovered('');
            }}
          />
          {subject === 'project' ? (
            <>
              <Select
                label="评价对象（项目）"
                placeholder="输入项目名称或代码查找"
                searchable
                allowDeselect={false}
                nothingFoundMessage="本年度没有符合的项目"
                data={projectOptions}
                value={projectId}
                onChange={(v) => {
                  setProjectId(v);
                  const p = projects.find((x) => String(x.id) === v);
                  if (p) setCovered(fenToWanYuanInput(p.initialBudgetFen));
                  form.clearError('projectId');
                }}
                error={form.errors.projectId}
                maxDropdownHeight={320}
              />
              {picked && (
                <Text fz="sm" c="dimmed" aria-label="所选项目">
                  {picked.unitName}　｜　{picked.projectType}　｜　年初预算 {formatWanYuan(picked.initialBudgetFen)} 万元
                </Text>
              )}
            </>
          ) : (
            <>
              <Select
                label="评价对象（预算单位）"
                placeholder="输入单位名称查找"
                searchable
                allowDeselect={false}
                data={unitOptions}
                value={unitId}
                onChange={(v) => {
                  setUnitId(v);
                  const u = units.find((x) => String(x.id) === v);
                  if (u) setCovered(fenToWanYuanInput(u.budgetFen));
                  form.clearError('unitId');
                }}
                error={form.errors.unitId}
              />
              {pickedUnit && (
                <Text fz="sm" c="dimmed">
                  评价“{pickedUnit.name}部门整体支出”：本年度 {pickedUnit.projectCount} 个项目，预算 {formatWanYuan(pickedUnit.budgetFen)}{' '}
                  万元
                </Text>
              )}
            </>
          )}
          <Textarea
            label="选题理由"
            placeholder="影响力大、社会关注度高、资金量大等"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              form.clearError('selectionReason');
            }}
            error={form.errors.selectionReason}
          />
          <Radio.Group label="评价主体" value={evaluator} onChange={(v) => setEvaluator(v as Evaluator)} error={form.errors.evaluator}>
            <Group mt={4}>
              {Object.entries(EVALUATOR).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label="评价机构"
            placeholder="如：新疆天正会计师事务所"
            value={evaluatorName}
            onChange={(e) => setEvaluatorName(e.currentTarget.value)}
            error={form.errors.evaluatorName}
          />
          <Group grow align="flex-start">
            <TextInput
              label="涉及资金（万元）"
              description="默认为项目年初预算（部门整体为本年度项目预算合计）"
              value={covered}
              onChange={(e) => {
                setCovered(e.currentTarget.value);
                form.clearError('covered');
                form.clearError('coveredFen');
              }}
              error={form.errors.covered ?? form.errors.coveredFen}
            />
            <Select
              label="专家评分汇总方式"
              allowDeselect={false}
              data={Object.entries(AGGREGATION).map(([value, label]) => ({ value, label }))}
              value={aggregation}
              onChange={(v) => v && setAggregation(v as Aggregation)}
            />
          </Group>
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} submitLabel="选定" />
        </Stack>
      </form>
    </Modal>
  );
}
