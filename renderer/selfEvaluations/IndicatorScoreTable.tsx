import { Badge, Group, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import type { SelfEvaluationIndicatorRow } from '../../electron/bridge/contract';
import { QUALITATIVE_LEVELS } from '../../electron/rules/monitoringLabels';
import { SELF_EVALUATION_FLAG } from '../../electron/rules/selfEvaluationForm';
import type { SelfEvaluationScore } from '../../electron/rules/selfEvaluationScore';
import { formatScore } from '../../electron/rules/numberFormat';
import type { IndicatorDraft } from './selfEvaluationDraft';

interface IndicatorScoreTableProps {
  indicators: SelfEvaluationIndicatorRow[];
  drafts: IndicatorDraft[];
  score: SelfEvaluationScore;
  editable: boolean;
  errors: Record<string, string>;
  onChange: (index: number, change: Partial<IndicatorDraft>) => void;
}

/**
 * The form's indicator rows: 一级, 二级, 三级 and 年度指标值 as approved; 实际完成值 (定性: 达成 / 部分达成
 * / 未达成), 分值, 得分 and 偏差原因分析及改进措施 as the unit fills them. The 得分 is the rules'; where
 * the rules leave a band (定性, or far above target) the reviewer picks within it.
 */
export function IndicatorScoreTable({ indicators, drafts, score, editable, errors, onChange }: IndicatorScoreTableProps) {
  return (
    <Table.ScrollContainer minWidth={1150}>
      <Table withTableBorder withColumnBorders tabularNums aria-label="绩效指标">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>一级指标</Table.Th>
            <Table.Th>二级指标</Table.Th>
            <Table.Th>三级指标</Table.Th>
            <Table.Th>年度指标值</Table.Th>
            <Table.Th>实际完成值</Table.Th>
            <Table.Th ta="right">分值</Table.Th>
            <Table.Th ta="right">得分</Table.Th>
            <Table.Th>偏差原因分析及改进措施</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((ind, k) => {
            const draft = drafts[k]!;
            const scored = score.indicators[k]!;
            const qualitative = ind.nature === '定性';
            return (
              <Table.Tr key={ind.id} data-indicator={ind.name}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{ind.level1}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{ind.level2}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Text fz="sm">{ind.name}</Text>
                    {scored.flags.length > 0 && (
                      <Group gap={4}>
                        {scored.flags.map((f) => (
                          <Badge key={f} size="xs" variant="light" color={f === 'farAbove' ? 'grape' : 'orange'} data-flag={f}>
                            {SELF_EVALUATION_FLAG[f]}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {qualitative ? ind.target : `${ind.nature}${ind.target}${ind.unit ?? ''}`}
                </Table.Td>
                <Table.Td w={150}>
                  {qualitative ? (
                    <Select
                      size="xs"
                      aria-label={`${ind.name} 实际完成值`}
                      placeholder="请选择"
                      data={[...QUALITATIVE_LEVELS]}
                      value={draft.actual || null}
                      readOnly={!editable}
                      onChange={(v) => onChange(k, { actual: v ?? '', chosenScore: '' })}
                    />
                  ) : (
                    <TextInput
                      size="xs"
                      aria-label={`${ind.name} 实际完成值`}
                      rightSection={ind.unit ? <Text fz="xs">{ind.unit}</Text> : null}
                      rightSectionWidth={ind.unit ? 40 : undefined}
                      value={draft.actual}
                      readOnly={!editable}
                      onChange={(e) => onChange(k, { actual: e.currentTarget.value })}
                    />
                  )}
                </Table.Td>
                <Table.Td w={90}>
                  <TextInput
                    size="xs"
                    aria-label={`${ind.name} 分值`}
                    styles={{ input: { textAlign: 'right' } }}
                    value={draft.points}
                    readOnly={!editable}
                    error={errors[`indicators.${k}.points`]}
                    onChange={(e) => onChange(k, { points: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td w={110} ta="right">
                  {scored.band ? (
                    <TextInput
                      size="xs"
                      aria-label={`${ind.name} 得分`}
                      description={`${formatScore(scored.band.min)}–${formatScore(scored.band.max)} 分`}
                      placeholder={formatScore(scored.band.max)}
                      styles={{ input: { textAlign: 'right' } }}
                      value={draft.chosenScore}
                      readOnly={!editable}
                      error={errors[`indicators.${k}.chosenScore`] ?? (scored.problem && draft.chosenScore ? '超出范围' : undefined)}
                      onChange={(e) => onChange(k, { chosenScore: e.currentTarget.value })}
                    />
                  ) : null}
                  <Text fz="sm" fw={500} aria-label={`${ind.name} 得分结果`} mt={scored.band ? 4 : 0}>
                    {formatScore(scored.score)}
                  </Text>
                </Table.Td>
                <Table.Td miw={220}>
                  <Textarea
                    size="xs"
                    autosize
                    minRows={1}
                    aria-label={`${ind.name} 偏差原因分析及改进措施`}
                    value={draft.explanation}
                    readOnly={!editable}
                    error={scored.flags.includes('needsExplanation') ? '请填写' : undefined}
                    onChange={(e) => onChange(k, { explanation: e.currentTarget.value })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
