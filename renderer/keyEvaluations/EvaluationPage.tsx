import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { formatWanYuan } from '../../electron/rules/money';
import type { KeyEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { BackWithGuard } from '../common/BackWithGuard';
import { LoadError } from '../common/LoadError';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { BasicInfoPanel } from './BasicInfoPanel';
import { ExpertsPanel } from './ExpertsPanel';
import { FrameworkPanel } from './FrameworkPanel';
import { formatTime } from '../common/formatTime';
import { gradeColor, STATUS_COLOR } from './keyEvaluationLabels';
import { formatScore } from '../../electron/rules/numberFormat';
import { ResultsPanel } from './ResultsPanel';
import { ScoreGrid } from './ScoreGrid';
import { ScoreSheetButtons } from './ScoreSheetButtons';
import { TextsPanel } from './TextsPanel';

interface EvaluationPageProps {
  evaluationId: number;
  year: number;
  onBack: () => void;
  /** Something was written: the list and the figures behind this page are stale. */
  onChanged: () => void;
}

/** One key evaluation: particulars, 指标体系, 评分专家 and 评分表, 报告内容, 定稿 and 评价结果. */
export function EvaluationPage({ evaluationId, year, onBack, onChanged }: EvaluationPageProps) {
  const detail = useCall('keyEvaluations.get', { id: evaluationId });
  const [latest, setLatest] = useState<KeyEvaluationView | null>(null);
  const [gridDirty, setGridDirty] = useState(false);
  const [textsDirty, setTextsDirty] = useState(false);
  const [frameworkDirty, setFrameworkDirty] = useState(false);
  const [tab, setTab] = useState<string | null>(null);
  // Bumped by an import of the experts' workbook, so the grid starts again from the recorded scores.
  const [imports, setImports] = useState(0);

  const written = useCallback(
    (v: KeyEvaluationView) => {
      setLatest(v);
      onChanged();
    },
    [onChanged],
  );

  const dirty = gridDirty || textsDirty || frameworkDirty;
  const back = (
    <BackWithGuard
      label="← 返回评价列表"
      dirty={dirty}
      what={frameworkDirty ? '指标体系' : gridDirty ? '评分表' : '报告内容'}
      onBack={onBack}
    />
  );
  const view = latest ?? detail.data;
  if (!view) {
    return (
      <Stack gap="sm">
        {back}
        {detail.error ? <LoadError error={detail.error} onRetry={detail.reload} /> : <Loader aria-label="正在读取重点评价" />}
      </Stack>
    );
  }

  const final = view.status === 'final';
  const defaultTab = final ? 'results' : view.framework.length === 0 ? 'framework' : 'scoring';
  const scoringKey = `${imports}|${final}|${view.experts.map((e) => `${e.id}:${e.name}`).join(',')}|${JSON.stringify(view.framework)}`;
  return (
    <Stack gap="md">
      {back}
      <Header
        view={view}
        dirty={dirty}
        onFinalized={(v) => {
          written(v);
          setTab('results');
        }}
      />
      {final && (
        <Alert color="blue" variant="light">
          该评价已于 {formatTime(view.finalizedAt)} 定稿（评分规则 {view.ruleVersion ?? '—'}），总分 {formatScore(view.total)} 分，等级“
          {view.grade}”。指标体系、评分和报告内容只能查看。
        </Alert>
      )}
      <Tabs value={tab ?? defaultTab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="basic">基本信息</Tabs.Tab>
          <Tabs.Tab value="framework">指标体系{frameworkDirty ? ' •' : ''}</Tabs.Tab>
          <Tabs.Tab value="scoring">专家评分{gridDirty ? ' •' : ''}</Tabs.Tab>
          <Tabs.Tab value="texts">评价报告内容{textsDirty ? ' •' : ''}</Tabs.Tab>
          <Tabs.Tab value="results">评价结果</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="basic" pt="md">
          <BasicInfoPanel key={`${view.id}|${final}`} view={view} onWritten={written} />
        </Tabs.Panel>
        <Tabs.Panel value="framework" pt="md">
          <FrameworkPanel key={`${view.id}|${final}`} view={view} onWritten={written} onDirtyChange={setFrameworkDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="scoring" pt="md">
          <Stack gap="md">
            <ExpertsPanel key={`${final}|${view.experts.map((e) => e.name).join(',')}`} view={view} onWritten={written} />
            <ScoreSheetButtons
              view={view}
              gridDirty={gridDirty}
              onImported={(v) => {
                setImports((n) => n + 1);
                written(v);
              }}
            />
            <ScoreGrid key={scoringKey} view={view} onWritten={written} onDirtyChange={setGridDirty} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="texts" pt="md">
          <TextsPanel key={`${view.id}|${final}`} view={view} onWritten={written} onDirtyChange={setTextsDirty} />
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          <ResultsPanel view={view} year={year} onWritten={written} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Header({ view, dirty, onFinalized }: { view: KeyEvaluationView; dirty: boolean; onFinalized: (v: KeyEvaluationView) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<'final' | 'export' | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const final = view.status === 'final';
  const facts = [
    `单位：${view.unitName}`,
    view.projectCode && `项目代码：${view.projectCode}`,
    `涉及资金：${formatWanYuan(view.coveredFen)} 万元`,
    `评价主体：${view.evaluatorName ? `${view.evaluatorLabel}（${view.evaluatorName}）` : view.evaluatorLabel}`,
    `汇总方式：${view.aggregationLabel}`,
  ].filter(Boolean);

  function askFinalize() {
    setRefusal(null);
    if (!view.score.complete || view.score.grade === null) {
      void finalize();
      return;
    }
    setConfirming(true);
  }

  async function finalize() {
    setBusy('final');
    const result = await ledger.keyEvaluations.finalize({ id: view.id });
    setBusy(null);
    setConfirming(false);
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    notifications.show({
      color: 'green',
      title: '评价已定稿',
      message: `${result.value.name}：${formatScore(result.value.total)} 分，等级“${result.value.grade}”`,
    });
    onFinalized(result.value);
  }

  async function exportReport() {
    setBusy('export');
    const result = await ledger.keyEvaluations.exportReport({ id: view.id });
    setBusy(null);
    if (!result.ok) return notifyFailed('导出评价报告失败', result.error);
    if (result.value.saved)
      notifySaved('已导出评价报告', result.value.saved.savedAs, `${view.name}的重点绩效评价报告${dirty ? '（未保存的修改不在其中）' : ''}`);
  }

  return (
    <Paper withBorder p="md" component="header" aria-label="评价概况">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6}>
            <Group gap="sm">
              <Title order={3}>重点评价：{view.name}</Title>
              <Badge variant="outline" color="gray">
                {view.subjectLabel}
              </Badge>
              <Badge size="lg" variant="light" color={STATUS_COLOR[view.status]} aria-label="评价状态">
                {view.statusLabel}
              </Badge>
              {final && view.grade && (
                <Badge size="lg" variant="filled" color={gradeColor(view.grade)} aria-label="评价等级">
                  {view.grade}
                </Badge>
              )}
            </Group>
            <Group gap="lg" style={{ rowGap: 2 }}>
              {facts.map((f) => (
                <Text key={String(f)} span fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {f}
                </Text>
              ))}
            </Group>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" onClick={() => void exportReport()} loading={busy === 'export'} disabled={busy !== null}>
              导出评价报告
            </Button>
            {!final && (
              <Button
                onClick={askFinalize}
                loading={busy === 'final'}
                disabled={busy !== null || dirty}
                title={dirty ? '请先保存指标体系、评分表和报告内容' : undefined}
              >
                定稿
              </Button>
            )}
          </Group>
        </Group>
        {refusal && (
          <Alert color="red" title="未能定稿" role="alert" withCloseButton onClose={() => setRefusal(null)}>
            {refusal}
          </Alert>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="确认定稿">
        <Stack gap="sm">
          <Text>
            将以总分 {formatScore(view.score.total)} 分、等级“{view.score.grade}”定稿。定稿后指标体系、专家评分和报告内容不能再修改。
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              取消
            </Button>
            <Button onClick={() => void finalize()} loading={busy === 'final'}>
              确认定稿
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
