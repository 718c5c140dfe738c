import { EmptyState } from '@mantine/core';
import { CreateYearForm } from '../settings/CreateYearForm';

/** A new ledger has no fiscal year; everything else hangs off one, so this comes first. */
export function NoYearsYet() {
  return (
    <EmptyState
      mt="xl"
      title="台账中还没有预算年度"
      description="先新建一个预算年度，再录入该年度的预算单位、项目、绩效目标和评价。新年度沿用上一年度的评分规则。"
    >
      <EmptyState.Actions>
        <CreateYearForm />
      </EmptyState.Actions>
    </EmptyState>
  );
}
