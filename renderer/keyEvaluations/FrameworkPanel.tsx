import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { Framework } from '../../electron/rules/keyEvaluationScore';
import type { FrameworkImportPreview, FrameworkTemplateRow, KeyEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { FrameworkEditor } from './FrameworkEditor';
import { FrameworkImportModal } from './FrameworkImportModal';
import { FrameworkTable } from './FrameworkTable';
import { canSave, refusalFieldNames, sameFramework } from './frameworkDraft';
import { formatScore } from '../../electron/rules/numberFormat';
import { NewTemplateModal } from './NewTemplateModal';

/** Default 一级 weights when the evaluation has no framework yet (决策/过程/产出/效益). */
const DEFAULT_WEIGHTS = [20, 20, 30, 30];

interface FrameworkPanelProps {
  view: KeyEvaluationView;
  onWritten: (v: KeyEvaluationView) => void;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * 指标体系: a template (shipped or the bureau's) spread on the evaluation's 一级 weights, then edited
 * indicator by indicator for this evaluation, and saved as a template of the bureau's when it is worth
 * reusing.
 */
export function FrameworkPanel({ view, onWritten, onDirtyChange }: FrameworkPanelProps) {
  const readOnly = view.status === 'final';
  const [draft, setDraft] = useState<Framework | null>(null);
  const [savingAs, setSavingAs] = useState(false);
  const dirty = draft !== null && !sameFramework(draft, view.framework);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  if (draft !== null) {
    return (
      <FrameworkEditing
        view={view}
        draft={draft}
        onChange={setDraft}
        onDone={(saved) => {
          setDraft(null);
          if (saved) onWritten(saved);
        }}
      />
    );
  }
  return (
    <Stack gap="md">
      {!readOnly && <TemplateChooser view={view} onWritten={onWritten} />}
      {view.frameworkProblems.length > 0 && view.framework.length > 0 && (
        <Alert color="red" title="指标体系有问题" role="alert">
          {view.frameworkProblems.join('；')}
        </Alert>
      )}
      <Group gap="xs">
        {!readOnly && view.framework.length > 0 && (
          <Button variant="default" onClick={() => setDraft(structuredClone(view.framework))}>
            逐项编辑指标体系
          </Button>
        )}
        {view.framework.length > 0 && (
          <Button variant="default" onClick={() => setSavingAs(true)} disabled={view.frameworkProblems.length > 0}>
            存为本局模板
          </Button>
        )}
        <FrameworkFileButtons view={view} onWritten={onWritten} />
      </Group>
      {view.framework.length === 0 ? (
        <Text c="dimmed">
          尚未设置评价指标体系。请选择模板并填写一级指标权重（默认 20/20/30/30），点击“应用模板”；或从 Excel
          导入第三方机构提供的指标体系表。
        </Text>
      ) : (
        <FrameworkTable framework={view.framework} />
      )}
      {savingAs && (
        <NewTemplateModal
          source={{ fromEvaluationId: view.id }}
          sourceLabel={`“${view.name}”的指标体系`}
          defaultName={`${view.name}评价指标体系`}
          onClose={() => setSavingAs(false)}
          onCreated={() => setSavingAs(false)}
        />
      )}
    </Stack>
  );
}

/** 导出指标体系 as a workbook the import reads back; 从 Excel 导入 a third party's table through the preview. */
function FrameworkFileButtons({ view, onWritten }: { view: KeyEvaluationView; onWritten: (v: KeyEvaluationView) => void }) {
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [picked, setPicked] = useState<{ fileId: string; fileName: string; preview: FrameworkImportPreview } | null>(null);

  async function exportFramework() {
    setBusy('export');
    const result = await ledger.keyEvaluations.exportFramework({ evaluationId: view.id });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出指标体系失败', result.error);
    if (result.value.saved)
      notifySaved('已导出评价指标体系', result.value.saved.savedAs, `${result.value.summary.indicatorCount} 项三级指标，可修改后再导入`);
  }

  async function startImport() {
    setBusy('import');
    const result = await ledger.keyEvaluations.frameworkImportPreview({ id: view.id });
    setBusy(null);
    if (!result.ok) return notifyFailed('无法读取文件', result.error);
    if (!result.value.cancelled) setPicked(result.value);
  }

  return (
    <>
      {view.framework.length > 0 && (
        <Button variant="default" onClick={() => void exportFramework()} loading={busy === 'export'} disabled={busy !== null}>
          导出指标体系
        </Button>
      )}
      {view.status !== 'final' && (
        <Button variant="default" onClick={() => void startImport()} loading={busy === 'import'} disabled={busy !== null}>
          从 Excel 导入指标体系
        </Button>
      )}
      {picked && (
        <FrameworkImportModal
          fileName={picked.fileName}
          preview={picked.preview}
          asTemplate={false}
          commit={() => ledger.keyEvaluations.frameworkImportCommit({ id: view.id, fileId: picked.fileId })}
          onCommitted={(v) => {
            notifications.show({
              color: 'green',
              title: '已导入评价指标体系',
              message: `${picked.fileName}：${picked.preview.indicatorCount} 项三级指标，一级权重 ${v.framework.map((l) => formatScore(l.weight)).join('/')}`,
            });
            setPicked(null);
            onWritten(v);
          }}
          onClose={() => setPicked(null)}
        />
      )}
    </>
  );
}

/** Editing this evaluation's own copy; saved through keyEvaluations.saveFramework. */
function FrameworkEditing({
  view,
  draft,
  onChange,
  onDone,
}: {
  view: KeyEvaluationView;
  draft: Framework;
  onChange: (f: Framework) => void;
  onDone: (saved: KeyEvaluationView | null) => void;
}) {
  const form = useBridgeForm(refusalFieldNames(draft));
  // The refusal's messages belong to the draft that was sent; an edit makes them stale.
  const [sent, setSent] = useState<Framework | null>(null);
  const codes = new Set(draft.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code))));
  const losing = new Set(view.scores.filter((s) => !codes.has(s.indicatorCode)).map((s) => s.indicatorCode)).size;
  const usable = canSave(draft);

  async function save() {
    setSent(draft);
    const saved = await form.submit(() => ledger.keyEvaluations.saveFramework({ id: view.id, framework: draft }));
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: '已保存评价指标体系',
      message: `${saved.framework.reduce((n, l1) => n + l1.level2.reduce((m, l2) => m + l2.indicators.length, 0), 0)} 项三级指标，一级权重 ${saved.framework.map((l) => formatScore(l.weight)).join('/')}`,
    });
    onDone(saved);
  }

  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        逐项修改本评价的指标体系：一级权重合计须为 100，每个一级下三级指标分值之和须等于其权重。修改只影响本评价，不改变模板。
      </Text>
      <FrameworkEditor
        value={draft}
        onChange={onChange}
        refusal={sent === draft ? form.errors : undefined}
        reservedCodes={view.framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code)))}
        disabled={form.submitting}
      />
      {losing > 0 && (
        <Text fz="sm" c="orange" role="status">
          已删除的 {losing} 项指标上有专家评分，保存后这些评分将被删除（审计记录中保留）。
        </Text>
      )}
      <FormAlert messages={form.alert} />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => onDone(null)} disabled={form.submitting}>
          放弃修改
        </Button>
        <Button
          onClick={() => void save()}
          loading={form.submitting}
          disabled={!usable}
          title={usable ? undefined : '指标体系尚有问题，见上方提示'}
        >
          保存指标体系
        </Button>
      </Group>
    </Stack>
  );
}

/** Grouped choice of template, shipped first, with the 一级 weights to spread it on. */
function TemplateChooser({ view, onWritten }: { view: KeyEvaluationView; onWritten: (v: KeyEvaluationView) => void }) {
  const templates = useCall('keyEvaluations.templates', {});
  const [templateId, setTemplateId] = useState<string | null>(
    view.templateId ?? (view.subject === 'department' ? 'department' : 'national10'),
  );
  const [weights, setWeights] = useState<(number | string)[]>(
    view.framework.length ? view.framework.map((l) => l.weight) : DEFAULT_WEIGHTS,
  );
  const form = useBridgeForm(['templateId']);

  if (templates.error) return <LoadError error={templates.error} onRetry={templates.reload} />;
  const template: FrameworkTemplateRow | undefined = templates.data?.find((t) => t.id === templateId);
  const levelNames = template?.framework.map((l) => l.name) ?? ['决策', '过程', '产出', '效益'];
  const shown = levelNames.map((_, k) => weights[k] ?? '');
  const sum = Math.round(shown.reduce<number>((s, w) => s + (typeof w === 'number' ? w * 100 : 0), 0)) / 100;
  const groups = [
    { group: '随软件提供', items: (templates.data ?? []).filter((t) => t.builtIn).map((t) => ({ value: t.id, label: t.name })) },
    { group: '本局模板', items: (templates.data ?? []).filter((t) => !t.builtIn).map((t) => ({ value: t.id, label: t.name })) },
  ].filter((g) => g.items.length > 0);

  function choose(id: string | null) {
    setTemplateId(id);
    // A template of the bureau's comes with its own weights; the shipped ones keep what is typed.
    const chosen = templates.data?.find((t) => t.id === id);
    if (chosen && !chosen.builtIn) setWeights(chosen.framework.map((l) => l.weight));
  }

  async function apply() {
    const numbers = shown.map((w) => (typeof w === 'number' ? w : Number(w)));
    const saved = await form.submit(() =>
      ledger.keyEvaluations.applyTemplate({ id: view.id, templateId: templateId ?? '', weights: numbers }),
    );
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: '已建立评价指标体系',
      message: `一级指标权重 ${saved.framework.map((l) => formatScore(l.weight)).join('/')}`,
    });
    onWritten(saved);
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="选择指标体系模板">
      <Stack gap="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label="指标体系模板"
            w={420}
            allowDeselect={false}
            data={groups}
            value={templateId}
            onChange={choose}
            error={form.errors.templateId}
          />
          {levelNames.map((name, k) => (
            <NumberInput
              key={`${k}-${name}`}
              label={`${name}权重`}
              w={92}
              min={0}
              max={100}
              decimalScale={2}
              clampBehavior="none"
              hideControls
              value={shown[k]}
              onChange={(v) => setWeights((ws) => levelNames.map((_, j) => (j === k ? v : (ws[j] ?? ''))))}
            />
          ))}
          <Text fz="sm" c={sum === 100 ? 'dimmed' : 'red'} pb={8} aria-label="权重合计">
            合计 {formatScore(sum)}
          </Text>
          <Button onClick={() => void apply()} loading={form.submitting} disabled={!templateId}>
            {view.framework.length ? '按模板重建指标体系' : '应用模板'}
          </Button>
        </Group>
        {template && (
          <Text fz="sm" c="dimmed">
            {template.description || template.origin}。三级指标分值按一级权重等比例折算，尾差计入该一级的最后一项。
          </Text>
        )}
        {view.scores.length > 0 && (
          <Text fz="sm" c="orange">
            已有专家评分：重建指标体系后，不再存在的指标上的评分将被删除（审计记录中保留）。
          </Text>
        )}
        <FormAlert messages={form.alert} />
      </Stack>
    </Paper>
  );
}
