import { Select } from '@mantine/core';
import { useYear } from './YearContext';

/** The header's 预算年度 picker; the choice is remembered on this computer. */
export function YearSwitcher() {
  const { years, year, chooseYear } = useYear();
  if (!years?.length) return null;
  return (
    <Select
      aria-label="预算年度"
      w={170}
      allowDeselect={false}
      value={year === null ? null : String(year)}
      data={years.map((y) => ({ value: String(y.year), label: `${y.year} 年度${y.status === 'closed' ? '（已关账）' : ''}` }))}
      onChange={(value) => value && chooseYear(Number(value))}
    />
  );
}
