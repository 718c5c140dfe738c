import { Badge, Button, Group, Loader, Paper, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Framework } from '../../electron/rules/keyEvaluationScore';
import type { FrameworkImportPreview, FrameworkTemplateRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { BackWithGuard } from '../common/BackWithGuard';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { FrameworkEditor } from './FrameworkEditor';
import { FrameworkImportModal } from './FrameworkImportModal';
import { FrameworkTable } from './FrameworkTable';
import { canSave, refusalFieldNames, sameFramework } from './frameworkDraft';
import { formatTime } from '../common/formatTime';
import { formatScore } from '../../electron/rules/numberFormat';
import { NewTemplateModal } from './NewTemplateModal';

const indicatorCount = (f: Framework) => f.reduce((n, l1) => n + l1.level2.reduce((m, l2) => m + l2.indicators.length, 0), 0);

/**
 * 指标体系模板: the shipped templates (read-only) and the bureau's own — copied, edited indicator by
 * indicator, 停用 when no longer wanted. Evaluations keep their own copy, so nothing here changes them.
 */
export function TemplatesPanel() {
  const [showRetired, setShowRetired] = useState(false);
  const list = useCall('keyEvaluations.templates', { includeRetired: showRetired });
  const [openId, setOpenId] = useState<string | null>(null);
  const [copying, setCopying] = useState<FrameworkTemplateRow | null>(null);

  const open = list.data?.find((t) => t.id === openId);
  const copyModal = copying && (
    <NewTemplateModal
      source={{ fromTemplateId: copying.id }}
      sourceLabel={`“${copying.name}”`}
      defaultName={`${copying.name}（本局）`}
      onClose={() => setCopying(null)}
      onCreated={(t) => {
        setCopying(null);
        list.reload();
        setOpenId(t.id);
      }}
    />
  );
  if (open) {
    return (
      <>
        <TemplatePage
          key={open.id}
          template={open}
          onBack={() => setOpenId(null)}
          onCopy={() => setCopying(open)}
          onWritten={list.reload}
        />
        {copyModal}
      </>
    );
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fz="sm" c="dimmed">
          随软件提供的模板不能修改；复制为本局模板后可逐项编辑。修改或停用模板不影响已经按它建立的评价。
        </Text>
        <Group gap="md">
          <Switch label="显示已停用的模板" checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} />
          <TemplateImportButton
            onImported={(t) => {
              list.reload();
              setOpenId(t.id);
            }}
          />
        </Group>
      </Group>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {!list.data ? (
        !list.error && <Loader aria-label="正在读取指标体系模板" />
      ) : (
        <Table withTableBorder striped highlightOnHover aria-label="指标体系模板" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>模板名称</Table.Th>
              <Table.Th w={260}>来源</Table.Th>
              <Table.Th w={130}>一级权重</Table.Th>
              <Table.Th w={90} ta="right">
                三级指标
              </Table.Th>
              <Table.Th w={100} ta="right">
                已用于评价
              </Table.Th>
              <Table.Th w={270}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((t) => (
              <Table.Tr key={t.id} data-template={t.name}>
                <Table.Td>
                  <Group gap={6}>
                    <Button variant="subtle" size="compact-sm" px={0} onClick={() => setOpenId(t.id)}>
                      {t.name}
                    </Button>
                    {t.builtIn && (
                      <Badge variant="light" color="gray" size="sm">
                        随软件提供
                      </Badge>
                    )}
                    {t.retired && (
                      <Badge variant="light" color="orange" size="sm">
                        已停用
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td fz="sm">{t.origin}</Table.Td>
                <Table.Td fz="sm">{t.framework.map((l) => formatScore(l.weight)).join('/')}</Table.Td>
                <Table.Td ta="right">{indicatorCount(t.framework)}</Table.Td>
                <Table.Td ta="right">{t.usedBy} 项</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Button size="compact-sm" variant="default" onClick={() => setOpenId(t.id)}>
                      {t.builtIn ? '查看' : '编辑'}
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => setCopying(t)} aria-label={`复制“${t.name}”为本局模板`}>
                      复制为本局模板
                    </Button>
                    {!t.builtIn && <RetireButton template={t} onWritten={list.reload} />}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {copyModal}
    </Stack>
  );
}

function ExportTemplateButton({ template }: { template: FrameworkTemplateRow }) {
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const result = await ledger.keyEvaluations.exportFramework({ templateId: template.id });
    setBusy(false);
    if (!result.ok) return notifyFailed('导出模板失败', result.error);
    if (result.value.saved)
      notifySaved(
        '已导出指标体系模板',
        result.value.saved.savedAs,
        `“${template.name}”：${result.value.summary.indicatorCount} 项三级指标`,
      );
  }
  return (
    <Button variant="default" loading={busy} onClick={() => void save()}>
      导出 Excel
    </Button>
  );
}

/** 从 Excel 导入模板: a framework table (ours, or a third party's as printed) through the preview, named as a template. */
function TemplateImportButton({ onImported }: { onImported: (t: FrameworkTemplateRow) => void }) {
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<{ fileId: string; fileName: string; preview: FrameworkImportPreview } | null>(null);
  async function start() {
    setBusy(true);
    const result = await ledger.keyEvaluations.templateImportPreview({});
    setBusy(false);
    if (!result.ok) return notifyFailed('无法读取文件', result.error);
    if (!result.value.cancelled) setPicked(result.value);
  }
  return (
    <>
      <Button variant="default" loading={busy} onClick={() => void start()}>
        从 Excel 导入模板
      </Button>
      {picked && (
        <FrameworkImportModal
          fileName={picked.fileName}
          preview={picked.preview}
          asTemplate
          commit={(fields) => ledger.keyEvaluations.templateImportCommit({ fileId: picked.fileId, ...fields })}
          onCommitted={(t) => {
            notifications.show({
              color: 'green',
              title: '已导入为本局模板',
              message: `“${t.name}”：${picked.preview.indicatorCount} 项三级指标`,
            });
            setPicked(null);
            onImported(t);
          }}
          onClose={() => setPicked(null)}
        />
      )}
    </>
  );
}

function RetireButton({ template, onWritten }: { template: FrameworkTemplateRow; onWritten: () => void }) {
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setBusy(true);
    const result = await ledger.keyEvaluations.setTemplateRetired({ id: template.id, retired: !template.retired });
    setBusy(false);
    if (!result.ok) return notifyFailed(template.retired ? '启用模板失败' : '停用模板失败', result.error);
    notifications.show({
      color: 'green',
      title: template.retired ? '已启用模板' : '已停用模板',
      message: template.retired ? `“${template.name}”可再用于新的评价。` : `“${template.name}”不再出现在模板选择中；已按它建立的评价不变。`,
    });
    onWritten();
  }
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      color={template.retired ? 'blue' : 'orange'}
      loading={busy}
      onClick={() => void toggle()}
      aria-label={`${template.retired ? '启用' : '停用'}“${template.name}”`}
    >
      {template.retired ? '启用' : '停用'}
    </Button>
  );
}

interface TemplatePageProps {
  template: FrameworkTemplateRow;
  onBack: () => void;
  onCopy: () => void;
  onWritten: () => void;
}

/** One template: a shipped one to read (and copy); one of the bureau's to edit — name, 说明, framework. */
function TemplatePage({ template, onBack, onCopy, onWritten }: TemplatePageProps) {
  const [name, setName] = useState(template.name);
  const [description, setDescription] = useState(template.description);
  const [draft, setDraft] = useState<Framework>(() => structuredClone(template.framework));
  const form = useBridgeForm(['name', 'description', ...refusalFieldNames(draft)]);
  // The refusal's messages belong to the draft that was sent; an edit makes them stale.
  const [sent, setSent] = useState<Framework | null>(null);
  const dirty =
    !template.builtIn && (name !== template.name || description !== template.description || !sameFramework(draft, template.framework));
  const usable = canSave(draft);

  async function save() {
    setSent(draft);
    const saved = await form.submit(() => ledger.keyEvaluations.updateTemplate({ id: template.id, name, description, framework: draft }));
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: '已保存模板',
      message: `“${saved.name}”：${indicatorCount(saved.framework)} 项三级指标，一级权重 ${saved.framework.map((l) => formatScore(l.weight)).join('/')}`,
    });
    onWritten();
  }

  return (
    <Stack gap="md">
      <BackWithGuard label="← 返回模板列表" dirty={dirty} what="模板" onBack={onBack} />
      <Paper withBorder p="md" component="header" aria-label="模板概况">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={3}>指标体系模板：{template.name}</Title>
              {template.builtIn && (
                <Badge variant="light" color="gray">
                  随软件提供
                </Badge>
              )}
              {template.retired && (
                <Badge variant="light" color="orange">
                  已停用
                </Badge>
              )}
            </Group>
            <Text fz="sm" c="dimmed">
              {template.origin} · 已用于 {template.usedBy} 项评价{template.updatedAt ? ` · 最后修改 ${formatTime(template.updatedAt)}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            <ExportTemplateButton template={template} />
            <Button variant="default" onClick={onCopy}>
              复制为本局模板
            </Button>
            {!template.builtIn && <RetireButton template={template} onWritten={onWritten} />}
          </Group>
        </Group>
      </Paper>
      {template.builtIn ? (
        <>
          <Text fz="sm" c="dimmed">
            {template.description}。
          </Text>
          <FrameworkTable framework={template.framework} />
        </>
      ) : (
        <>
          <Group align="flex-start" grow>
            <TextInput
              label="模板名称"
              required
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                form.clearError('name');
              }}
              error={form.errors.name}
            />
            <Textarea
              label="说明"
              autosize
              minRows={1}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={form.errors.description}
            />
          </Group>
          <FrameworkEditor
            value={draft}
            onChange={setDraft}
            refusal={sent === draft ? form.errors : undefined}
            disabled={form.submitting}
          />
          <FormAlert messages={form.alert} />
          <Group justify="flex-end">
            <Button
              variant="default"
              disabled={!dirty || form.submitting}
              onClick={() => {
                setName(template.name);
                setDescription(template.description);
                setDraft(structuredClone(template.framework));
              }}
            >
              放弃修改
            </Button>
            <Button
              onClick={() => void save()}
              loading={form.submitting}
              disabled={!dirty || !usable}
              title={usable ? undefined : '指标体系尚有问题，见上方提示'}
            >
              保存模板
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
