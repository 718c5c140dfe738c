import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

interface BackWithGuardProps {
  /** "← 返回目标列表" */
  label: string;
  /** Unsaved edits on the page: going back asks first. */
  dirty: boolean;
  /** What holds the edits, for the question ("申报表"). */
  what: string;
  onBack: () => void;
}

/** A page's way back to its list that does not drop unsaved edits without asking. */
export function BackWithGuard({ label, dirty, what, onBack }: BackWithGuardProps) {
  const [leaving, setLeaving] = useState(false);
  return (
    <Group gap="sm">
      <Button variant="subtle" px={4} onClick={() => (dirty ? setLeaving(true) : onBack())}>
        {label}
      </Button>
      {leaving && (
        <Alert color="orange" py={6} role="alert">
          <Group gap="sm">
            <Text fz="sm">{what}有未保存的修改，返回后将丢失。</Text>
            <Button size="compact-sm" variant="default" onClick={() => setLeaving(false)}>
              继续填写
            </Button>
            <Button size="compact-sm" color="orange" onClick={onBack}>
              放弃修改并返回
            </Button>
          </Group>
        </Alert>
      )}
    </Group>
  );
}
