import { Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One part of the project page: a titled, labelled panel (the label is how tests and screen readers find it). */
export function DossierSection({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{title}</Title>
          {extra}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
