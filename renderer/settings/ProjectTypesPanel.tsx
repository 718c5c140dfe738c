import { Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import type { ProjectTypeRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { EmptyRow } from '../common/EmptyRow';
import { FormAlert } from '../common/FormAlert';
import { FormFooter } from '../common/FormFooter';
import { useBridgeForm } from '../common/useBridgeForm';

/**
 * 项目类型: the bureau's own list, which the project form offers and imports add to. Add, rename (the
 * projects of the type follow) and retire (no longer offered; projects keep it) or put back in use.
 */
export function ProjectTypesPanel({ types, onChanged }: { types: ProjectTypeRow[]; onChanged: () => void }) {
  const [renaming, setRenaming] = useState<ProjectTypeRow | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  async function setRetired(type: ProjectTypeRow, retired: boolean) {
    setBusyId(type.id);
    const result = await ledger.projectTypes.setRetired({ id: type.id, retired });
    setBusyId(null);
    if (!result.ok) return notifications.show({ color: 'red', title: '未能更改', message: result.error.message, autoClose: false });
    notifications.show({
      color: 'green',
      title: retired ? '已停用' : '已恢复使用',
      message: retired
        ? `新增项目时不再提供“${type.name}”${type.projectCount ? `；已有的 ${type.projectCount} 个项目保留该类型` : ''}。`
        : `新增项目时可以再选“${type.name}”。`,
    });
    onChanged();
  }

  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        项目表单从这里选项目类型；导入的工作簿中出现新的类型时，会在预览中列为“新增类型”，确认导入后加入这里。
      </Text>
      <Table withTableBorder aria-label="项目类型" w="auto" miw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>项目类型</Table.Th>
            <Table.Th>状态</Table.Th>
            <Table.Th ta="right">项目数（各年度）</Table.Th>
            <Table.Th>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {types.length === 0 && <EmptyRow colSpan={4}>还没有项目类型，请在下面新增。</EmptyRow>}
          {types.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.name}</Table.Td>
              <Table.Td>
                <Badge color={t.retired ? 'gray' : 'green'} variant="light">
                  {t.retired ? '已停用' : '在用'}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{t.projectCount}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" aria-label={`改名 ${t.name}`} onClick={() => setRenaming(t)}>
                    改名
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color={t.retired ? 'blue' : 'gray'}
                    aria-label={`${t.retired ? '恢复使用' : '停用'} ${t.name}`}
                    loading={busyId === t.id}
                    onClick={() => setRetired(t, !t.retired)}
                  >
                    {t.retired ? '恢复使用' : '停用'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AddProjectTypeForm onAdded={onChanged} />
      {renaming && (
        <RenameModal
          type={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={() => {
            setRenaming(null);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}

function AddProjectTypeForm({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const form = useBridgeForm(['name']);

  async function add(event: FormEvent) {
    event.preventDefault();
    const added = await form.submit(() => ledger.projectTypes.create({ name }));
    if (!added) return;
    notifications.show({ color: 'green', title: '项目类型已新增', message: `新增项目时可以选“${added.name}”。` });
    setName('');
    onAdded();
  }

  return (
    <form onSubmit={add} aria-label="新增项目类型">
      <Group align="flex-start" gap="sm">
        <TextInput
          label="新的项目类型"
          placeholder="如：基础设施建设"
          w={240}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            form.clearError('name');
          }}
          error={form.errors.name}
        />
        <Button type="submit" mt={25} loading={form.submitting}>
          新增类型
        </Button>
      </Group>
      <FormAlert messages={form.alert} />
    </form>
  );
}

function RenameModal({ type, onClose, onRenamed }: { type: ProjectTypeRow; onClose: () => void; onRenamed: () => void }) {
  const [name, setName] = useState(type.name);
  const form = useBridgeForm(['name']);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(() => ledger.projectTypes.rename({ id: type.id, name }));
    if (!saved) return;
    notifications.show({
      color: 'green',
      title: '项目类型已改名',
      message: `“${type.name}”改为“${saved.name}”，${saved.projectCount} 个项目随之改名。`,
    });
    onRenamed();
  }

  return (
    <Modal opened onClose={onClose} title={`项目类型改名：${type.name}`}>
      <form onSubmit={save} aria-label="项目类型改名">
        <Stack gap="sm">
          <TextInput
            label="新名称"
            description={type.projectCount ? `使用该类型的 ${type.projectCount} 个项目将随之改名（已关账年度的项目不能改）。` : undefined}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              form.clearError('name');
            }}
            error={form.errors.name}
            data-autofocus
          />
          <FormAlert messages={form.alert} />
          <FormFooter onCancel={onClose} submitting={form.submitting} />
        </Stack>
      </form>
    </Modal>
  );
}
