import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { IndicatorRow } from '../../electron/bridge/contract';

interface RetireConfirmModalProps {
  indicator: IndicatorRow;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** 停用 is never a delete: the dialog says what stays and what changes before the clerk confirms. */
export function RetireConfirmModal({ indicator, busy, onCancel, onConfirm }: RetireConfirmModalProps) {
  return (
    <Modal opened onClose={onCancel} title={`停用指标“${indicator.name}”？`}>
      <Stack gap="sm">
        <Text fz="sm">停用后，该指标不再出现在指标库列表、搜索和推荐中，新的绩效目标不能再选用它。</Text>
        <Text fz="sm">
          已经使用它的绩效目标<b>仍保留该指标</b>，数值和评分不受影响。打开“显示已停用”可以找到它，随时可以恢复启用。
        </Text>
        <Text fz="sm" c="dimmed">
          类别：{indicator.className} · {indicator.level1} / {indicator.level2}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            取消
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm}>
            确认停用
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
