import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { verdictOfConclusion, type ExAnteRules, type ExAnteScore } from '../../electron/rules/exAnteScore';
import { VERDICT_COLOR } from './exAnteLabels';
import { formatScore } from '../../electron/rules/numberFormat';

interface ScoreSummaryProps {
  score: ExAnteScore;
  rules: ExAnteRules;
  /** The fixed conclusion of a final assessment; null while a draft is scored live. */
  finalConclusion: string | null;
}

/** 总分, the conclusion it leads to, the subtotals and what still stands in the way of 定稿. */
export function ScoreSummary({ score, rules, finalConclusion }: ScoreSummaryProps) {
  const max = score.dimensions.reduce((s, d) => s + d.max, 0);
  const conclusion = finalConclusion ?? score.conclusion;
  const verdict = conclusion ? verdictOfConclusion(conclusion, rules.conclusionBands) : null;
  return (
    <Paper withBorder p="md" aria-label="评分汇总">
      <Stack gap="sm">
        <Title order={4}>{finalConclusion ? '评估结论' : '评分汇总（实时）'}</Title>
        <Group gap="xs" align="baseline">
          <Text fz="sm">总分</Text>
          <Text fz={32} fw={700} lh={1} aria-label="总分">
            {formatScore(score.total)}
          </Text>
          <Text fz="sm" c="dimmed">
            / {formatScore(max)} 分
          </Text>
        </Group>
        <Group gap="xs">
          <Text fz="sm">结论</Text>
          {conclusion ? (
            <Badge size="lg" variant="filled" color={verdict ? VERDICT_COLOR[verdict] : 'gray'} aria-label="评估结论">
              {conclusion}
            </Badge>
          ) : (
            <Text fz="sm" c="dimmed" aria-label="评估结论">
              评分完成后确定
            </Text>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          {rules.conclusionBands.map((b) => `${b.conclusion}${b.min === null ? '' : ` ≥${b.min}`}`).join('；')}
        </Text>
        <Table fz="sm" tabularNums verticalSpacing={4} aria-label="各维度得分">
          <Table.Tbody>
            {score.dimensions.map((d) => (
              <Table.Tr key={d.dimension}>
                <Table.Td px={0}>{d.dimension}</Table.Td>
                <Table.Td px={0} ta="right">
                  {formatScore(d.points)} / {formatScore(d.max)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!finalConclusion &&
          (score.problems.length === 0 ? (
            <Text fz="sm" c="green.8">
              各子项均已评级，得分都在评级的分值范围内，可以定稿。
            </Text>
          ) : (
            <Stack gap={4} aria-label="评分问题">
              <Text fz="sm" fw={600} c="red.8">
                尚有 {score.problems.length} 处需要处理：
              </Text>
              <List size="xs" spacing={2} c="red.8">
                {score.problems.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Stack>
          ))}
      </Stack>
    </Paper>
  );
}
