import { Group, Paper, Text } from '@mantine/core';

interface FigureCardProps {
  label: string;
  value: string | number;
  unit: string;
  /** A dimmed line under the figure, e.g. what it is made of. */
  detail?: string;
  /** Mantine colour for the figure, e.g. red when something is owed. */
  color?: string;
}

/** One headline figure of a summary: label, large number with its unit, optional detail line. */
export function FigureCard({ label, value, unit, detail, color }: FigureCardProps) {
  return (
    <Paper withBorder p="sm">
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Group gap={4} align="baseline" wrap="nowrap">
        <Text fz={26} fw={700} c={color} aria-label={label} style={{ whiteSpace: 'nowrap' }}>
          {value}
        </Text>
        <Text fz="sm">{unit}</Text>
      </Group>
      {detail && (
        <Text fz="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}
