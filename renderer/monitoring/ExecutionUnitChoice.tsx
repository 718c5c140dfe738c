import { Alert, Checkbox, Group, Radio, Stack, Table, Text } from '@mantine/core';
import type { ExecutionImportPreview, UnitComparison } from '../../electron/bridge/contract';
import { formatWanYuan, type MoneyUnit } from '../../electron/rules/money';
import { MONEY_UNIT_SOURCES } from '../../electron/rules/moneyUnitEvidence';

const AGREES: Record<UnitComparison['agreesAs'], string> = { 元: '按元读一致', 万元: '按万元读一致', neither: '两种读法都不一致' };

interface ExecutionUnitChoiceProps {
  preview: ExecutionImportPreview;
  busy: boolean;
  onChoose: (unit: MoneyUnit) => void;
  onConfirm: (confirmed: boolean) => void;
}

/**
 * 文件金额单位: where the unit came from, and — when the file names none and the ledger cannot tell, or
 * the ledger contradicts it by 10,000×, or the clerk chose it — the choice of 元 or 万元 with the
 * comparison that speaks for one or the other, and the confirmation a contradicted unit needs.
 */
export function ExecutionUnitChoice({ preview, busy, onChoose, onConfirm }: ExecutionUnitChoiceProps) {
  const source = preview.moneyUnitSource;
  const mismatch = preview.unitMismatch;
  if (!source) return null;
  const asking = source === 'ask' || source === 'user' || mismatch !== null;
  if (!asking)
    return (
      <Text fz="sm" aria-label="金额单位">
        金额单位：{preview.moneyUnit}（{MONEY_UNIT_SOURCES[source]}）。{source === 'ledger' ? preview.moneyUnitNote : ''}
      </Text>
    );
  const open = source === 'ask' || (mismatch !== null && !mismatch.confirmed);
  const title =
    source === 'ask'
      ? '请选择文件金额单位'
      : mismatch && !mismatch.confirmed
        ? '金额单位与台账相差一万倍'
        : `金额单位：${preview.moneyUnit}（${MONEY_UNIT_SOURCES[source]}）`;
  const comparisons = preview.unitEvidence?.comparisons ?? [];
  return (
    <Alert color={open ? 'orange' : 'blue'} title={title}>
      <Stack gap="xs">
        <Text fz="sm">{mismatch && !mismatch.confirmed ? mismatch.message : preview.moneyUnitNote}</Text>
        <Radio.Group label="文件金额单位" value={preview.moneyUnit ?? ''} onChange={(v) => onChoose(v as MoneyUnit)}>
          <Group mt={4}>
            <Radio value="元" label="元" disabled={busy} />
            <Radio value="万元" label="万元" disabled={busy} />
          </Group>
        </Radio.Group>
        {mismatch && (
          <Checkbox
            label={`金额单位确为${mismatch.unit}，按${mismatch.unit}导入`}
            checked={mismatch.confirmed}
            disabled={busy}
            onChange={(e) => onConfirm(e.currentTarget.checked)}
          />
        )}
        {comparisons.length > 0 && <ComparisonTable rows={comparisons} />}
      </Stack>
    </Alert>
  );
}

function ComparisonTable({ rows }: { rows: UnitComparison[] }) {
  return (
    <Table.ScrollContainer minWidth={760} maxHeight={220}>
      <Table withTableBorder fz="xs" aria-label="与台账比对" tabularNums>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>行</Table.Th>
            <Table.Th>项目</Table.Th>
            <Table.Th>文件中的数</Table.Th>
            <Table.Th>比对对象</Table.Th>
            <Table.Th ta="right">台账中的数（万元）</Table.Th>
            <Table.Th>结果</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={`${c.row}-${c.label}-${c.against}`}>
              <Table.Td>{c.row}</Table.Td>
              <Table.Td>{c.projectName}</Table.Td>
              <Table.Td>
                {c.label} {c.written}
              </Table.Td>
              <Table.Td>{c.against}</Table.Td>
              <Table.Td ta="right">{formatWanYuan(c.ledgerFen)}</Table.Td>
              <Table.Td>{AGREES[c.agreesAs]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
