import { Button, Group } from '@mantine/core';

/** The foot of every form: 取消 on the left of the submit button, which shows when the ledger is busy. */
export function FormFooter({
  onCancel,
  submitting,
  submitLabel = '保存',
}: {
  onCancel: () => void;
  submitting: boolean;
  submitLabel?: string;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        取消
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Group>
  );
}
