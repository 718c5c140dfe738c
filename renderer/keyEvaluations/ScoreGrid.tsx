import { Alert, Badge, Button, Drawer, Group, NumberInput, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { scoreEvaluation, type ExpertScore } from '../../electron/rules/keyEvaluationScore';
import type { ExpertRow, KeyEvaluationView } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { gradeColor } from './keyEvaluationLabels';
import { formatScore } from '../../electron/rules/numberFormat';

interface ScoreGridProps {
  view: KeyEvaluationView;
  onWritten: (v: KeyEvaluationView) => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** What a score cell holds as typed (NumberInput gives a number, or a string while incomplete). */
type Typed = number | string;
interface Draft {
  scores: Record<string, Typed>;
  basis: Record<string, string>;
}

const keyOf = (expertId: number, code: string) => `${expertId}|${code}`;

function draftOf(view: KeyEvaluationView): Draft {
  const scores: Record<string, Typed> = {};
  const basis: Record<string, string> = {};
  for (const s of view.scores) {
    // A stored score shows as the forms print it (2.00); typing stays free, not padded keystroke by keystroke.
    scores[keyOf(s.expertId, s.indicatorCode)] = s.score === null ? '' : formatScore(s.score);
    basis[keyOf(s.expertId, s.indicatorCode)] = s.basis;
  }
  return { scores, basis };
}

function numberOf(v: Typed | undefined): number | null {
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = v.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * 评分表: rows are the 三级 indicators grouped by 一级 (with their 分值), one column per expert. The
 * aggregate per indicator, the subtotals, the total and the grade follow the typing through
 * scoreEvaluation — the ledger's own rule. Each expert's column is saved on its own (recordScores);
 * the ledger refuses an out-of-range score at `scores.<code>`, shown in that cell.
 */
export function ScoreGrid({ view, onWritten, onDirtyChange }: ScoreGridProps) {
  const readOnly = view.status === 'final';
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [saved, setSaved] = useState<Draft>(() => draftOf(view));
  const [errors, setErrors] = useState<Record<number, Record<string, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saving, setSaving] = useState<number | null>(null);
  const [basisOf, setBasisOf] = useState<ExpertRow | null>(null);

  const indicators = useMemo(() => view.framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators)), [view.framework]);
  const experts = view.experts;

  const dirtyExperts = experts.filter((e) =>
    indicators.some((i) => {
      const k = keyOf(e.id, i.code);
      return numberOf(draft.scores[k]) !== numberOf(saved.scores[k]) || (draft.basis[k] ?? '') !== (saved.basis[k] ?? '');
    }),
  );
  const dirty = dirtyExperts.length > 0;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const live = useMemo(() => {
    const given: ExpertScore[] = experts.flatMap((e) =>
      indicators.map((i) => ({
        expert: e.name,
        indicatorCode: i.code,
        score: numberOf(draft.scores[keyOf(e.id, i.code)]),
        basis: draft.basis[keyOf(e.id, i.code)] ?? '',
      })),
    );
    return scoreEvaluation(
      view.framework,
      experts.map((e) => e.name),
      given,
      { aggregation: view.aggregation, gradeBands: view.gradeBands, subtotals: view.subtotals },
    );
  }, [draft, experts, indicators, view.framework, view.aggregation, view.gradeBands, view.subtotals]);

  if (view.framework.length === 0) return <Text c="dimmed">请先在“指标体系”中建立评价指标体系，再由专家评分。</Text>;
  if (experts.length === 0) return <Text c="dimmed">请先填写并保存评分专家名单，评分表将为每位专家列出一栏。</Text>;

  function setScore(expertId: number, code: string, v: Typed) {
    setDraft((d) => ({ ...d, scores: { ...d.scores, [keyOf(expertId, code)]: v } }));
    setErrors((all) => {
      const mine = all[expertId];
      if (!mine || !(`scores.${code}` in mine)) return all;
      const { [`scores.${code}`]: _gone, ...rest } = mine;
      return { ...all, [expertId]: rest };
    });
  }

  async function save(expert: ExpertRow) {
    setSaving(expert.id);
    setAlert(null);
    const scores = indicators
      .filter((i) => draft.scores[keyOf(expert.id, i.code)] !== undefined || draft.basis[keyOf(expert.id, i.code)] !== undefined)
      .map((i) => ({
        indicatorCode: i.code,
        score: numberOf(draft.scores[keyOf(expert.id, i.code)]),
        basis: draft.basis[keyOf(expert.id, i.code)] ?? null,
      }));
    const result = await ledger.keyEvaluations.recordScores({ id: view.id, expertId: expert.id, scores });
    setSaving(null);
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      setErrors((all) => ({ ...all, [expert.id]: fields }));
      const elsewhere = Object.entries(fields).filter(([k]) => !k.startsWith('scores.'));
      setAlert([result.error.message, ...elsewhere.map(([, m]) => m)].join(' '));
      return;
    }
    // This expert's column is now as the ledger has it; the others keep what is typed.
    const fresh = draftOf(result.value);
    const mine = (rec: Record<string, unknown>) => Object.keys(rec).filter((k) => k.startsWith(`${expert.id}|`));
    const pick = <T,>(from: Record<string, T>, into: Record<string, T>) => {
      const out = Object.fromEntries(Object.entries(into).filter(([k]) => !k.startsWith(`${expert.id}|`)));
      for (const k of mine(from)) out[k] = from[k]!;
      return out;
    };
    setDraft((d) => ({ scores: pick(fresh.scores, d.scores), basis: pick(fresh.basis, d.basis) }));
    setSaved((s) => ({ scores: pick(fresh.scores, s.scores), basis: pick(fresh.basis, s.basis) }));
    setErrors((all) => ({ ...all, [expert.id]: {} }));
    notifications.show({
      color: 'green',
      title: '已保存评分',
      message: `${expert.name}：${scores.filter((s) => s.score !== null).length} 项`,
    });
    onWritten(result.value);
  }

  /** Enter moves down the expert's column (Tab moves across, as in a spreadsheet). */
  function onCellKey(event: KeyboardEvent<HTMLInputElement>, column: number, row: number) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const next = document.getElementById(`kescore-${column}-${row + 1}`) ?? document.getElementById(`kescore-${column + 1}-0`);
    if (next instanceof HTMLInputElement) {
      next.focus();
      next.select();
    }
  }

  const expertSubtotal = (expertId: number, codes: string[]) =>
    Math.round(codes.reduce((s, c) => s + (numberOf(draft.scores[keyOf(expertId, c)]) ?? 0) * 100, 0)) / 100;
  let row = -1;

  return (
    <Stack gap="sm">
      <Summary view={view} live={live} dirtyNames={dirtyExperts.map((e) => e.name)} />
      {alert && (
        <Alert color="red" title="未能保存评分" role="alert" withCloseButton onClose={() => setAlert(null)}>
          {alert}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760 + experts.length * 130}>
        <Table withTableBorder withColumnBorders tabularNums aria-label="专家评分表" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>一级指标</Table.Th>
              <Table.Th w={100}>二级指标</Table.Th>
              <Table.Th>三级指标</Table.Th>
              <Table.Th w={64} ta="right">
                分值
              </Table.Th>
              {experts.map((e) => (
                <Table.Th key={e.id} w={130} ta="center">
                  <Stack gap={2} align="center">
                    <Text fw={600} fz="sm">
                      {e.name}
                    </Text>
                    <Button size="compact-xs" variant="subtle" onClick={() => setBasisOf(e)}>
                      得分依据
                    </Button>
                  </Stack>
                </Table.Th>
              ))}
              <Table.Th w={96} ta="right">
                得分
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.framework.map((l1) => {
              const codes = l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code));
              const sub = live.level1.find((l) => l.name === l1.name);
              return [
                ...l1.level2.flatMap((l2, k2) =>
                  l2.indicators.map((ind, k3) => {
                    row += 1;
                    const r = row;
                    const scored = live.indicators[r]!;
                    return (
                      <Table.Tr key={ind.code} data-code={ind.code} bg={scored.problem ? 'var(--mantine-color-red-0)' : undefined}>
                        {k2 === 0 && k3 === 0 && (
                          <Table.Td rowSpan={codes.length + 1} fw={600} fz="sm" style={{ verticalAlign: 'top' }}>
                            {l1.name}
                            <Text fz="xs" c="dimmed">
                              {formatScore(l1.weight)} 分
                            </Text>
                          </Table.Td>
                        )}
                        {k3 === 0 && (
                          <Table.Td rowSpan={l2.indicators.length} fz="sm" style={{ verticalAlign: 'top' }}>
                            {l2.name}
                          </Table.Td>
                        )}
                        <Table.Td fz="sm" title={ind.rule}>
                          {ind.name}
                        </Table.Td>
                        <Table.Td ta="right" fz="sm" aria-label={`${ind.name}分值`}>
                          {formatScore(ind.points)}
                        </Table.Td>
                        {experts.map((e, c) => {
                          const value = draft.scores[keyOf(e.id, ind.code)] ?? '';
                          const n = numberOf(value);
                          const outOfRange = n !== null && (n < 0 || n > ind.points);
                          const error =
                            errors[e.id]?.[`scores.${ind.code}`] ?? (outOfRange ? `应在 0–${formatScore(ind.points)} 分之间` : undefined);
                          return (
                            <Table.Td key={e.id} p={4}>
                              <NumberInput
                                id={`kescore-${c}-${r}`}
                                aria-label={`${e.name} ${ind.name}得分`}
                                size="xs"
                                value={value}
                                onChange={(v) => setScore(e.id, ind.code, v)}
                                onKeyDown={(ev) => onCellKey(ev, c, r)}
                                min={0}
                                max={ind.points}
                                clampBehavior="none"
                                decimalScale={2}
                                hideControls
                                readOnly={readOnly}
                                error={error}
                                styles={{ input: { textAlign: 'right' }, error: { fontSize: 11 } }}
                              />
                            </Table.Td>
                          );
                        })}
                        <Table.Td ta="right" fz="sm" fw={500} aria-label={`${ind.name}得分`}>
                          {formatScore(scored.score)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  }),
                ),
                <Table.Tr key={`${l1.name}-subtotal`} bg="var(--mantine-color-gray-0)">
                  <Table.Td colSpan={2} fz="sm" fw={600}>
                    {l1.name}小计
                  </Table.Td>
                  <Table.Td ta="right" fz="sm" fw={600}>
                    {formatScore(l1.weight)}
                  </Table.Td>
                  {experts.map((e) => (
                    <Table.Td key={e.id} ta="right" fz="sm">
                      {formatScore(expertSubtotal(e.id, codes))}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fz="sm" fw={600} aria-label={`${l1.name}小计`}>
                    {formatScore(sub?.score ?? 0)}
                  </Table.Td>
                </Table.Tr>,
              ];
            })}
            <Table.Tr bg="var(--mantine-color-blue-0)">
              <Table.Td colSpan={3} fw={700}>
                总分
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatScore(view.framework.reduce((s, l) => s + l.weight, 0))}
              </Table.Td>
              {experts.map((e) => (
                <Table.Td key={e.id} ta="right" fw={600}>
                  {formatScore(
                    expertSubtotal(
                      e.id,
                      indicators.map((i) => i.code),
                    ),
                  )}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {formatScore(live.total)}
              </Table.Td>
            </Table.Tr>
            {!readOnly && (
              <Table.Tr>
                <Table.Td colSpan={4} fz="sm" c="dimmed">
                  每位专家的评分分别保存
                </Table.Td>
                {experts.map((e) => (
                  <Table.Td key={e.id} ta="center" p={4}>
                    <Button
                      size="compact-sm"
                      variant={dirtyExperts.includes(e) ? 'filled' : 'default'}
                      aria-label={`保存${e.name}的评分`}
                      loading={saving === e.id}
                      disabled={saving !== null}
                      onClick={() => void save(e)}
                    >
                      保存
                    </Button>
                  </Table.Td>
                ))}
                <Table.Td />
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fz="xs" c="dimmed">
        键盘录入：Tab 移到右侧单元格，Enter 移到下一项指标。超出分值的评分立即标红，保存时由台账拒绝。
      </Text>
      <Drawer
        opened={basisOf !== null}
        onClose={() => setBasisOf(null)}
        position="right"
        size="lg"
        title={basisOf ? `${basisOf.name}的得分依据` : ''}
      >
        {basisOf && (
          <Stack gap="sm">
            {indicators.map((i) => (
              <Textarea
                key={i.code}
                label={`${i.name}（${formatScore(i.points)} 分，评分 ${formatScore(numberOf(draft.scores[keyOf(basisOf.id, i.code)]))}）`}
                aria-label={`${basisOf.name} ${i.name}得分依据`}
                autosize
                minRows={1}
                maxRows={5}
                readOnly={readOnly}
                placeholder={readOnly ? '未填写' : '查阅资料、现场核查的情况'}
                value={draft.basis[keyOf(basisOf.id, i.code)] ?? ''}
                onChange={(ev) => {
                  const text = ev.currentTarget.value;
                  setDraft((d) => ({ ...d, basis: { ...d.basis, [keyOf(basisOf.id, i.code)]: text } }));
                }}
              />
            ))}
            {!readOnly && (
              <Group justify="flex-end">
                <Button onClick={() => void save(basisOf).then(() => setBasisOf(null))} loading={saving === basisOf.id}>
                  保存{basisOf.name}的评分和依据
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}

function Summary({ view, live, dirtyNames }: { view: KeyEvaluationView; live: ReturnType<typeof scoreEvaluation>; dirtyNames: string[] }) {
  const missing = live.indicators.reduce((n, i) => n + i.byExpert.filter((s) => s === null).length, 0);
  return (
    <Paper withBorder p="sm" aria-label="评分汇总">
      <Group gap="xl" align="center">
        <Group gap={6}>
          <Text fz="sm" c="dimmed">
            总分
          </Text>
          <Text fz="xl" fw={700} aria-label="总分">
            {formatScore(live.total)}
          </Text>
        </Group>
        <Group gap={6}>
          <Text fz="sm" c="dimmed">
            等级
          </Text>
          {live.grade ? (
            <Badge size="lg" variant="filled" color={gradeColor(live.grade)} aria-label="等级">
              {live.grade}
            </Badge>
          ) : (
            <Text fz="sm" aria-label="等级">
              评分完成后确定
            </Text>
          )}
        </Group>
        {live.level1.map((l) => (
          <Text key={l.name} fz="sm">
            {l.name} {formatScore(l.score)} / {formatScore(l.weight)}
          </Text>
        ))}
        <Text fz="sm" c="dimmed">
          {view.aggregationLabel}
          {missing > 0 ? `；尚有 ${missing} 项评分未填` : ''}
        </Text>
        {dirtyNames.length > 0 && (
          <Text fz="sm" c="orange" aria-label="未保存">
            {dirtyNames.join('、')}的评分尚未保存
          </Text>
        )}
      </Group>
      {live.problems.length > 0 && (
        <Stack gap={2} mt={6} aria-label="评分问题">
          {live.problems.map((p) => (
            <Text key={p} fz="sm" c="red">
              {p}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
