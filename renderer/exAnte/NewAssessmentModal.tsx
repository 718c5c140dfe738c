import { Group, Modal, Radio, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { formatWanYuan } from '../../electron/rules/money';
import type { AssessmentView, ProjectRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { FormAlert } from '../common/FormAlert';
import { useBridgeForm } from '../common/useBridgeForm';
import { ASSESSORS, type Assessor } from './exAnteLabels';
import { FormFooter } from '../common/FormFooter';

interface NewAssessmentModalProps {
  year: number;
  projects: ProjectRow[];
  /** A project to assess, chosen before the dialog opened (开始评估 in the overview). */
  projectId: number | null;
  onClose: () => void;
  onCreated: (view: AssessmentView) => void;
}

type Subject = 'project' | 'policy';
const FIELDS = ['projectId', 'subjectName', 'assessor'] as const;

/** 新建评估: a project of the year (重大 ones first), or a policy by name; and who assesses. */
export function NewAssessmentModal({ year, projects, projectId, onClose, onCreated }: NewAssessmentModalProps) {
  const [subject, setSubject] = useState<Subject>('project');
  const [chosen, setChosen] = useState<string | null>(projectId === null ? null : String(projectId));
  const [policyName, setPolicyName] = useState('');
  const [assessor, setAssessor] = useState<Assessor>('bureau');
  const form = useBridgeForm(FIELDS);
  const options = useMemo(() => projectOptions(projects), [projects]);
  const picked = projects.find((p) => String(p.id) === chosen);

  async function create(event: FormEvent) {
    event.preventDefault();
    const input =
      subject === 'project'
        ? { year, projectId: chosen === null ? null : Number(chosen), subjectName: null, assessor }
        : { year, projectId: null, subjectName: policyName, assessor };
    const created = await form.submit(() => ledger.exAnte.create(input));
    if (!created) return;
    notifications.show({ color: 'green', title: '已开始事前评估', message: created.subjectName });
    onCreated(created);
  }

  return (
    <Modal opened onClose={onClose} title={`新建事前评估（${year} 年度）`} size="lg">
      <form onSubmit={create} aria-label="新建事前评估">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="评估对象类型"
            data={[
              { value: 'project', label: '评估项目' },
              { value: 'policy', label: '评估政策' },
            ]}
            value={subject}
            onChange={(v) => setSubject(v as Subject)}
          />
          {subject === 'project' ? (
            <>
              <Select
                label="评估对象（项目）"
                placeholder="输入项目名称或代码查找"
                searchable
                allowDeselect={false}
                nothingFoundMessage="本年度没有符合的项目"
                data={options}
                value={chosen}
                onChange={(v) => {
                  setChosen(v);
                  form.clearError('projectId');
                  form.clearError('subjectName');
                }}
                // Without a project the ledger asks for a name; in this mode what is missing is the project.
                error={form.errors.projectId ?? (form.errors.subjectName ? '请选择要评估的项目' : undefined)}
                maxDropdownHeight={320}
              />
              {picked && (
                <Text fz="sm" c="dimmed" aria-label="所选项目">
                  {picked.unitName}　｜　{picked.projectType}　｜　年初预算 {formatWanYuan(picked.initialBudgetFen)} 万元
                  {picked.majorPolicy ? '　｜　新增重大政策和项目，须经事前评估方可入库' : ''}
                </Text>
              )}
            </>
          ) : (
            <TextInput
              label="评估对象（政策名称）"
              placeholder="如：县城乡居民医疗救助政策"
              value={policyName}
              onChange={(e) => {
                setPolicyName(e.currentTarget.value);
                form.clearError('subjectName');
              }}
              error={form.errors.subjectName}
            />
          )}
          <Radio.Group label="评估方" value={assessor} onChange={(v) => setAssessor(v as Assessor)} error={form.errors.assessor}>
            <Group mt={4}>
              {Object.entries(ASSESSORS).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </Group>
          </Radio.Group>
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} submitLabel="开始评估" />
        </Stack>
      </form>
    </Modal>
  );
}

/** The year's projects for the picker: 新增重大政策和项目 first, as that is what must be assessed. */
function projectOptions(projects: ProjectRow[]) {
  const option = (p: ProjectRow) => ({ value: String(p.id), label: p.code ? `${p.name}（${p.code}）` : p.name });
  const major = projects.filter((p) => p.majorPolicy);
  const other = projects.filter((p) => !p.majorPolicy);
  return [
    ...(major.length ? [{ group: '重大政策和项目（须事前评估）', items: major.map(option) }] : []),
    ...(other.length ? [{ group: '其他项目', items: other.map(option) }] : []),
  ];
}
