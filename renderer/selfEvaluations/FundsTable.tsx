import { Table, Text, TextInput } from '@mantine/core';
import type { SelfEvaluationScore } from '../../electron/rules/selfEvaluationScore';
import { formatPercent, formatScore } from '../../electron/rules/numberFormat';
import { FUND_COLUMNS, FUND_ROWS, type FundsKey, type SelfEvaluationDraft } from './selfEvaluationDraft';

interface FundsTableProps {
  draft: SelfEvaluationDraft;
  score: SelfEvaluationScore;
  editable: boolean;
  errors: Record<string, string>;
  onFund: (key: FundsKey, value: string) => void;
  onChosenScore: (value: string) => void;
}

/**
 * 项目资金 as the official form prints it: 年度资金总额 and its three rows by 年初预算数, 全年预算数,
 * 全年执行数 (万元), then 分值, 执行率 and 得分 on the total row. A 执行率 of "—" (全年预算数 0) asks
 * for the 得分 by hand.
 */
export function FundsTable({ draft, score, editable, errors, onFund, onChosenScore }: FundsTableProps) {
  const { execution } = score;
  const rateUnknown = execution.rate === null;
  return (
    <Table withTableBorder withColumnBorders tabularNums aria-label="项目资金">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>项目资金（万元）</Table.Th>
          {FUND_COLUMNS.map((c) => (
            <Table.Th key={c} ta="right">
              {c}
            </Table.Th>
          ))}
          <Table.Th ta="right">分值</Table.Th>
          <Table.Th ta="right">执行率</Table.Th>
          <Table.Th ta="right">得分</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {FUND_ROWS.map((row, r) => (
          <Table.Tr key={row.label}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.label}</Table.Td>
            {row.keys.map((key, c) => (
              <Table.Td key={key} w={150}>
                <TextInput
                  size="xs"
                  aria-label={`${row.label} ${FUND_COLUMNS[c]}`}
                  styles={{ input: { textAlign: 'right' } }}
                  value={draft.funds[key]}
                  readOnly={!editable}
                  error={errors[`funds.${key}`]}
                  onChange={(e) => onFund(key, e.currentTarget.value)}
                />
              </Table.Td>
            ))}
            {r === 0 ? (
              <>
                <Table.Td ta="right">{formatScore(execution.points)}</Table.Td>
                <Table.Td ta="right" aria-label="执行率">
                  {formatPercent(execution.rate)}
                </Table.Td>
                <Table.Td ta="right" w={120}>
                  {rateUnknown && draft.funds.budgetFen.trim() !== '' ? (
                    <TextInput
                      size="xs"
                      aria-label="预算执行率得分"
                      placeholder={`0–${formatScore(execution.points)}`}
                      styles={{ input: { textAlign: 'right' } }}
                      value={draft.executionChosenScore}
                      readOnly={!editable}
                      error={errors.executionChosenScore}
                      onChange={(e) => onChosenScore(e.currentTarget.value)}
                    />
                  ) : (
                    <Text fz="sm" aria-label="执行率得分">
                      {formatScore(execution.score)}
                    </Text>
                  )}
                </Table.Td>
              </>
            ) : (
              <Table.Td colSpan={3} />
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
