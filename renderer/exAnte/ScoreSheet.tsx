import { NumberInput, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import type { ExAnteRules, ExAnteScore } from '../../electron/rules/exAnteScore';
import { bandText, type AssessmentDraft } from './assessmentDraft';
import { formatScore } from '../../electron/rules/numberFormat';
import { GRADES, type Grade } from '../../electron/bridge/contract';

interface ScoreSheetProps {
  draft: AssessmentDraft;
  rules: ExAnteRules;
  /** The draft scored live with scoreExAnte on the year's rules. */
  score: ExAnteScore;
  readOnly: boolean;
  /** The bridge's messages by field name (`scores.<i>.points`). */
  errors: Record<string, string>;
  onRate: (index: number, rating: Grade, max: number) => void;
  onPoints: (index: number, points: number | null) => void;
  onBasis: (index: number, basis: string) => void;
}

/**
 * 评分表: the five dimensions with their sub-items; each rated 优/良/中/差 with points inside the
 * rating's band and the 评分依据. Subtotals follow the points as they are typed.
 */
export function ScoreSheet({ draft, rules, score, readOnly, errors, onRate, onPoints, onBasis }: ScoreSheetProps) {
  let index = 0;
  return (
    <Table.ScrollContainer minWidth={840}>
      <Table withTableBorder withColumnBorders tabularNums aria-label="评分表" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={122}>评估维度</Table.Th>
            <Table.Th w={200}>评估要点</Table.Th>
            <Table.Th w={170}>评级</Table.Th>
            <Table.Th w={112}>得分</Table.Th>
            <Table.Th>评分依据</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.framework.map((dim) => {
            const subtotal = score.dimensions.find((d) => d.dimension === dim.dimension);
            return dim.items.map((it, k) => {
              const i = index++;
              const s = draft.scores[i]!;
              const scored = score.items[i];
              const outOfBand = s.rating !== null && s.points !== null && scored?.problem != null;
              return (
                <Table.Tr key={`${dim.dimension}-${it.name}`} data-item={it.name}>
                  {k === 0 && (
                    <Table.Td rowSpan={dim.items.length} style={{ verticalAlign: 'top' }}>
                      <Stack gap={4}>
                        <Text fw={600} fz="sm">
                          {dim.dimension}
                        </Text>
                        <Text fz="xs" c="dimmed">
                          小计
                        </Text>
                        <Text fz="sm" fw={500} aria-label={`${dim.dimension}小计`} style={{ whiteSpace: 'nowrap' }}>
                          {formatScore(subtotal?.points ?? 0)} / {formatScore(subtotal?.max ?? 0)} 分
                        </Text>
                      </Stack>
                    </Table.Td>
                  )}
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text fw={500} fz="sm">
                      {it.name}（{formatScore(it.points)} 分）
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {it.hint}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <SegmentedControl
                      role="radiogroup"
                      aria-label={`${it.name}评级`}
                      data={[...GRADES]}
                      value={s.rating ?? ''}
                      readOnly={readOnly}
                      size="sm"
                      fullWidth
                      color={s.rating ? 'blue' : undefined}
                      onChange={(v) => onRate(i, v as Grade, it.points)}
                    />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <NumberInput
                      aria-label={`${it.name}得分`}
                      value={s.points ?? ''}
                      onChange={(v) =>
                        onPoints(i, typeof v === 'number' ? v : v.trim() === '' || Number.isNaN(Number(v)) ? null : Number(v))
                      }
                      min={0}
                      max={it.points}
                      step={0.5}
                      decimalScale={2}
                      fixedDecimalScale
                      allowNegative={false}
                      readOnly={readOnly}
                      hideControls={readOnly}
                      description={bandText(s.rating, it.points, rules)}
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                      error={
                        errors[`scores.${i}.points`] ?? errors[`scores.${i}.rating`] ?? (outOfBand ? '不在该评级的分值范围内' : undefined)
                      }
                    />
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Textarea
                      aria-label={`${it.name}评分依据`}
                      placeholder={readOnly ? '未填写' : '查阅的资料、核实的情况'}
                      autosize
                      minRows={2}
                      maxRows={6}
                      value={s.basis}
                      readOnly={readOnly}
                      onChange={(e) => onBasis(i, e.currentTarget.value)}
                      error={errors[`scores.${i}.basis`]}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            });
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
