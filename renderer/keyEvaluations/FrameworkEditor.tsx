import { Alert, Button, Group, NumberInput, Stack, Table, Text, Textarea, TextInput, type NumberInputProps } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import type { Framework, FrameworkIndicator } from '../../electron/rules/keyEvaluationScore';
import {
  addIndicator,
  addLevel1,
  addLevel2,
  draftMessages,
  level1PointsSum,
  moveIndicator,
  removeIndicator,
  removeLevel1,
  removeLevel2,
  renameLevel1,
  renameLevel2,
  setLevel1Weight,
  typedNumber,
  updateIndicator,
  weightsSum,
} from './frameworkDraft';
import { formatScore } from '../../electron/rules/numberFormat';

export interface FrameworkEditorProps {
  value: Framework;
  onChange: (next: Framework) => void;
  /**
   * The fields of the ledger's refusal of this very value (useBridgeForm's errors, see
   * refusalFieldNames): shown at the inputs and in the alert. Pass nothing once the value is edited.
   */
  refusal?: Readonly<Record<string, string>>;
  disabled?: boolean;
  /**
   * Codes a new indicator must not take: pass the saved framework's codes, so an indicator removed in
   * this edit does not hand its code — and the experts' scores on it — to a different one.
   */
  reservedCodes?: readonly string[];
}

const cell = { verticalAlign: 'top' } as const;
const errorStyles = { error: { fontSize: 11 } };

/**
 * 编辑评价指标体系: the columns of FrameworkPanel's table, every cell an input; the parent keeps the
 * draft and saves it. The experts' scores are keyed by indicator code, so codes are never renumbered
 * when an indicator is added, removed or moved (frameworkDraft); a code changes only when typed.
 * Rows are keyed by position, not by code, because a code being typed must not remount its row; a
 * moved indicator's 上移/下移 button therefore takes the focus along with it.
 * The last 三级 of a 二级 and the last 二级 of a 一级 cannot be removed (remove the 二级 or 一级 itself),
 * so every 二级 keeps a row for its name and buttons; a framework that arrives with an empty one still
 * shows it, with its message.
 */
export function FrameworkEditor({ value, onChange, refusal, disabled = false, reservedCodes = [] }: FrameworkEditorProps) {
  const idBase = useId();
  const { fields: errors, overall: problems } = useMemo(() => draftMessages(value, refusal), [value, refusal]);
  const total = weightsSum(value);
  const moveButtonId = (i1: number, i2: number, i3: number, direction: 'up' | 'down') => `${idBase}-${direction}-${i1}-${i2}-${i3}`;

  function move(i1: number, i2: number, i3: number, delta: -1 | 1, count: number) {
    onChange(moveIndicator(value, i1, i2, i3, delta));
    const to = i3 + delta;
    // The focus goes with the moved indicator: to the same button, or the other one where it reached the end.
    const up = delta < 0 ? to > 0 : to === count - 1;
    requestAnimationFrame(() => document.getElementById(moveButtonId(i1, i2, to, up ? 'up' : 'down'))?.focus());
  }

  const rows = value.flatMap((l1, i1) => {
    const n1 = i1 + 1;
    const label1 = l1.name.trim() || `一级指标 ${n1}`;
    const sum = level1PointsSum(l1);
    const level1Cell = (
      <Table.Td rowSpan={l1.level2.reduce((n, l2) => n + Math.max(1, l2.indicators.length), 0) || 1} style={cell}>
        <Stack gap={4}>
          <TextInput
            size="xs"
            aria-label={`一级指标名称 ${n1}`}
            placeholder="一级指标名称"
            value={l1.name}
            onChange={(e) => onChange(renameLevel1(value, i1, e.currentTarget.value))}
            readOnly={disabled}
            error={errors[`${i1}.name`]}
            styles={errorStyles}
          />
          <Group gap={4} wrap="nowrap" align="flex-start">
            <Text fz="xs" c="dimmed" pt={5} style={{ whiteSpace: 'nowrap' }}>
              权重
            </Text>
            <DecimalInput
              aria-label={`${label1}权重`}
              value={l1.weight}
              onValue={(w) => onChange(setLevel1Weight(value, i1, w))}
              readOnly={disabled}
              error={errors[`${i1}.weight`]}
            />
          </Group>
          <Text fz="xs" c={sum === l1.weight ? 'dimmed' : 'red'} aria-label={`${label1}分值合计`}>
            分值合计 {formatScore(sum)} / {formatScore(l1.weight)}
          </Text>
          <Stack gap={0} align="flex-start">
            <Button
              size="compact-xs"
              variant="subtle"
              aria-label={`增加二级指标 ${n1}`}
              disabled={disabled}
              onClick={() => onChange(addLevel2(value, i1, reservedCodes))}
            >
              增加二级指标
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={`删除一级指标 ${n1}`}
              disabled={disabled}
              onClick={() => onChange(removeLevel1(value, i1))}
            >
              删除一级指标
            </Button>
          </Stack>
        </Stack>
      </Table.Td>
    );
    if (l1.level2.length === 0) {
      return [
        <Table.Tr key={`${i1}`}>
          {level1Cell}
          <Table.Td colSpan={6} fz="xs" c="red">
            {errors[`${i1}.level2`]}
          </Table.Td>
        </Table.Tr>,
      ];
    }
    return l1.level2.flatMap((l2, i2) => {
      const n2 = `${n1}.${i2 + 1}`;
      const lead = (
        <>
          {i2 === 0 && level1Cell}
          <Table.Td rowSpan={Math.max(1, l2.indicators.length)} style={cell}>
            <Stack gap={4}>
              <TextInput
                size="xs"
                aria-label={`二级指标名称 ${n2}`}
                placeholder="二级指标名称"
                value={l2.name}
                onChange={(e) => onChange(renameLevel2(value, i1, i2, e.currentTarget.value))}
                readOnly={disabled}
                error={errors[`${i1}.${i2}.name`]}
                styles={errorStyles}
              />
              <Stack gap={0} align="flex-start">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`增加三级指标 ${n2}`}
                  disabled={disabled}
                  onClick={() => onChange(addIndicator(value, i1, i2, reservedCodes))}
                >
                  增加三级指标
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={`删除二级指标 ${n2}`}
                  title={l1.level2.length === 1 ? '一级指标至少保留一个二级指标；可删除整个一级指标' : undefined}
                  disabled={disabled || l1.level2.length === 1}
                  onClick={() => onChange(removeLevel2(value, i1, i2))}
                >
                  删除二级指标
                </Button>
              </Stack>
            </Stack>
          </Table.Td>
        </>
      );
      if (l2.indicators.length === 0) {
        return [
          <Table.Tr key={`${i1}.${i2}`}>
            {lead}
            <Table.Td colSpan={5} fz="xs" c="red">
              {errors[`${i1}.${i2}.indicators`]}
            </Table.Td>
          </Table.Tr>,
        ];
      }
      return l2.indicators.map((ind, i3) => {
        const n3 = `${n2}.${i3 + 1}`;
        const err = (field: keyof FrameworkIndicator) => errors[`${i1}.${i2}.${i3}.${field}`];
        const patch = (p: Partial<FrameworkIndicator>) => onChange(updateIndicator(value, i1, i2, i3, p));
        const only = l2.indicators.length === 1;
        return (
          <Table.Tr key={`${i1}.${i2}.${i3}`}>
            {i3 === 0 && lead}
            <Table.Td style={cell}>
              <Stack gap={4}>
                <TextInput
                  size="xs"
                  w={96}
                  aria-label={`三级指标编号 ${n3}`}
                  placeholder="编号"
                  value={ind.code}
                  onChange={(e) => patch({ code: e.currentTarget.value })}
                  readOnly={disabled}
                  error={err('code')}
                  styles={errorStyles}
                />
                <TextInput
                  size="xs"
                  aria-label={`三级指标名称 ${n3}`}
                  placeholder="三级指标名称"
                  value={ind.name}
                  onChange={(e) => patch({ name: e.currentTarget.value })}
                  readOnly={disabled}
                  error={err('name')}
                  styles={errorStyles}
                />
              </Stack>
            </Table.Td>
            <Table.Td style={cell}>
              <DecimalInput
                aria-label={`分值 ${n3}`}
                value={ind.points}
                onValue={(points) => patch({ points })}
                readOnly={disabled}
                error={err('points')}
              />
            </Table.Td>
            <Table.Td style={cell}>
              <Textarea
                size="xs"
                aria-label={`评分标准 ${n3}`}
                autosize
                minRows={2}
                maxRows={8}
                value={ind.rule}
                onChange={(e) => patch({ rule: e.currentTarget.value })}
                readOnly={disabled}
                error={err('rule')}
                styles={errorStyles}
              />
            </Table.Td>
            <Table.Td style={cell}>
              <Textarea
                size="xs"
                aria-label={`计算公式 ${n3}`}
                placeholder="无"
                autosize
                minRows={1}
                maxRows={4}
                value={ind.formula ?? ''}
                onChange={(e) => patch({ formula: e.currentTarget.value || null })}
                readOnly={disabled}
                error={err('formula')}
                styles={errorStyles}
              />
            </Table.Td>
            <Table.Td style={cell}>
              <Stack gap={0} align="flex-start">
                <Button
                  id={moveButtonId(i1, i2, i3, 'up')}
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`上移 ${n3}`}
                  disabled={disabled || i3 === 0}
                  onClick={() => move(i1, i2, i3, -1, l2.indicators.length)}
                >
                  上移
                </Button>
                <Button
                  id={moveButtonId(i1, i2, i3, 'down')}
                  size="compact-xs"
                  variant="subtle"
                  aria-label={`下移 ${n3}`}
                  disabled={disabled || i3 === l2.indicators.length - 1}
                  onClick={() => move(i1, i2, i3, 1, l2.indicators.length)}
                >
                  下移
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={`删除 ${n3}`}
                  title={only ? '二级指标至少保留一个三级指标；可删除整个二级指标' : undefined}
                  disabled={disabled || only}
                  onClick={() => onChange(removeIndicator(value, i1, i2, i3))}
                >
                  删除
                </Button>
              </Stack>
            </Table.Td>
          </Table.Tr>
        );
      });
    });
  });

  return (
    <Stack gap="sm">
      {problems.length > 0 && (
        <Alert color="red" title="指标体系尚不能保存" role="alert">
          {problems.map((p, k) => (
            <div key={k}>{p}</div>
          ))}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={1040}>
        <Table withTableBorder withColumnBorders tabularNums aria-label="编辑评价指标体系" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>一级指标</Table.Th>
              <Table.Th w={130}>二级指标</Table.Th>
              <Table.Th w={190}>三级指标</Table.Th>
              <Table.Th w={90} ta="right">
                分值
              </Table.Th>
              <Table.Th>评分标准</Table.Th>
              <Table.Th w={200}>计算公式</Table.Th>
              <Table.Th w={64}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md">
        <Button size="xs" variant="default" disabled={disabled} onClick={() => onChange(addLevel1(value, reservedCodes))}>
          增加一级指标
        </Button>
        <Text fz="sm" c={total === 100 ? 'dimmed' : 'red'} aria-label="一级权重合计">
          一级指标权重合计 {formatScore(total)}
        </Text>
      </Group>
    </Stack>
  );
}

/**
 * A 权重 or 分值 cell. NumberInput gives a string while the text is not yet a plain number ('', '2.',
 * '2.50'); the cell keeps showing what is typed as long as it means the value, and hands the parent
 * the number (typedNumber) at every keystroke.
 */
function DecimalInput({
  value,
  onValue,
  ...rest
}: { value: number; onValue: (n: number) => void } & Pick<NumberInputProps, 'aria-label' | 'readOnly' | 'error'>) {
  const [typed, setTyped] = useState<number | string>(value);
  return (
    <NumberInput
      {...rest}
      size="xs"
      value={typedNumber(typed) === value ? typed : value}
      onChange={(v) => {
        setTyped(v);
        onValue(typedNumber(v));
      }}
      decimalScale={2}
      allowNegative={false}
      clampBehavior="none"
      hideControls
      styles={{ input: { textAlign: 'right' }, ...errorStyles }}
    />
  );
}
