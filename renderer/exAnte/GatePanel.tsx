import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { LIBRARY_STATUS } from '../../electron/rules/labels';
import type { ProjectRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { LIBRARY_STATUS_COLOR } from './exAnteLabels';

interface GatePanelProps {
  project: ProjectRow;
  /** The project entered the library: the lists behind this page are stale. */
  onAdmitted: () => void;
}

/**
 * 项目库关口: whether the assessed project may enter the library, decided by the ledger on its latest
 * final assessment, and the 入库 button. A refusal is shown in the ledger's own words.
 */
export function GatePanel({ project, onAdmitted }: GatePanelProps) {
  const gate = useCall('exAnte.gate', { projectId: project.id });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const admitted = project.libraryStatus === 'admitted';

  async function admit() {
    setBusy(true);
    setRefusal(null);
    const result = await ledger.exAnte.admit({ projectId: project.id });
    setBusy(false);
    gate.reload();
    if (!result.ok) return setRefusal(result.error.message);
    notifications.show({ color: 'green', title: '项目已入库', message: project.name });
    onAdmitted();
  }

  const g = gate.data;
  return (
    <Paper withBorder p="md" component="section" aria-label="项目库关口">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm">
            <Title order={4}>项目库关口</Title>
            <Badge variant="light" size="lg" color={LIBRARY_STATUS_COLOR[project.libraryStatus]} aria-label="项目库状态">
              {LIBRARY_STATUS[project.libraryStatus]}
            </Badge>
          </Group>
          {!admitted && (
            <Button onClick={() => void admit()} loading={busy} aria-label="项目入库">
              入库
            </Button>
          )}
        </Group>
        {gate.error && <LoadError error={gate.error} onRetry={gate.reload} />}
        {refusal ? (
          <Alert color="red" variant="filled" title="入库被拒绝" role="alert">
            <Text fz="md" fw={500}>
              {refusal}
            </Text>
          </Alert>
        ) : !g ? (
          !gate.error && <Loader size="sm" aria-label="正在读取入库条件" />
        ) : admitted ? (
          <Text fz="sm" c="green.8">
            “{project.name}”已入库。
          </Text>
        ) : !g.required ? (
          <Text fz="sm">该项目不属于新增重大政策和项目，无需事前评估即可入库。</Text>
        ) : g.passed ? (
          <Text fz="sm" c="green.8">
            已通过事前评估关口，可以入库并批复预算。
          </Text>
        ) : (
          <Alert color="orange" title="暂不能入库">
            {g.reason}
          </Alert>
        )}
        <Text fz="xs" c="dimmed">
          以该项目最新一次定稿的事前评估为准：结论为“予以支持”，或“调整完善后予以支持”且调整后的方案已复核，方可入库。
        </Text>
      </Stack>
    </Paper>
  );
}
