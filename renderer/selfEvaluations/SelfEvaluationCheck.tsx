import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { SelfEvaluationSheetPlan } from '../../electron/bridge/contract';

/**
 * One imported sheet as the bureau checks it: the evaluation it matched, the values it changes (in the
 * preview; after the import they are the ledger's), and every slip the check found at its cell.
 */
export function SelfEvaluationCheck({ plan, showChanges = true }: { plan: SelfEvaluationSheetPlan; showChanges?: boolean }) {
  return (
    <Stack gap={6} component="section" aria-label={`工作表“${plan.sheet}”的审核`}>
      <Group gap="xs">
        <Title order={5}>工作表“{plan.sheet}”</Title>
        <Text fz="sm">{plan.projectName ?? '（未匹配）'}</Text>
        {plan.unitName && (
          <Text fz="sm" c="dimmed">
            {plan.unitName}
          </Text>
        )}
        {plan.matchedBy && (
          <Badge variant="light" color="gray">
            {plan.matchedBy === 'code' ? '按台账识别码' : '按项目名称和实施单位'}
          </Badge>
        )}
        {plan.statusLabel && (
          <Badge variant="light">
            {plan.statusLabel}
            {plan.afterStatusLabel && plan.afterStatusLabel !== plan.statusLabel ? ` → ${plan.afterStatusLabel}` : ''}
          </Badge>
        )}
        {plan.total !== null && (
          <Text fz="sm">
            台账复算总分 {plan.total}
            {plan.grade ? `，${plan.grade}` : '，未定等级'}
          </Text>
        )}
      </Group>
      {plan.findings.length === 0 ? (
        plan.ok && (
          <Text fz="sm" c="green.8">
            审核未发现问题。
          </Text>
        )
      ) : (
        <Table.ScrollContainer minWidth={700} maxHeight={280}>
          <Table striped withTableBorder fz="sm" aria-label={`工作表“${plan.sheet}”审核发现的问题`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>单元格</Table.Th>
                <Table.Th w={90}>表上数</Table.Th>
                <Table.Th w={90}>复算数</Table.Th>
                <Table.Th>问题及处理办法</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.findings.map((f, i) => (
                <Table.Tr key={i} data-cell={f.column && f.row ? `${f.column}${f.row}` : undefined}>
                  <Table.Td>{f.column && f.row ? `${f.column}${f.row}` : '—'}</Table.Td>
                  <Table.Td>{f.printed ?? ''}</Table.Td>
                  <Table.Td>{f.computed ?? ''}</Table.Td>
                  <Table.Td c="orange.9">{f.message.replace(/^[^：]*：/, '')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {showChanges && plan.changes.length > 0 && (
        <Table.ScrollContainer minWidth={600} maxHeight={200}>
          <Table withTableBorder fz="sm" aria-label={`工作表“${plan.sheet}”将改变的数值`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>将改变</Table.Th>
                <Table.Th>台账中</Table.Th>
                <Table.Th>表中</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.changes.map((c) => (
                <Table.Tr key={c.what}>
                  <Table.Td>{c.what}</Table.Td>
                  <Table.Td>
                    <Text fz="sm" lineClamp={2}>
                      {c.before}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" lineClamp={2}>
                      {c.after}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
