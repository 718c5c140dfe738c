import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { UnitRow } from '../../electron/bridge/contract';
import { matchesSearch } from '../common/sortRows';
import { UnitFormModal } from './UnitFormModal';
import { UnitTable } from './UnitTable';

interface UnitsTabProps {
  year: number;
  units: UnitRow[];
  onChanged: () => void;
}

/** 预算单位: units outlive years; the counts and budget are the selected year's. */
export function UnitsTab({ year, units, onChanged }: UnitsTabProps) {
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<UnitRow | 'new' | null>(null);
  const rows = useMemo(() => units.filter((u) => matchesSearch(search, [u.name, u.code, u.parentName])), [units, search]);

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <TextInput
          label="搜索"
          placeholder="单位名称、代码或主管部门"
          w={240}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Button ml="auto" onClick={() => setEditing('new')}>
          新增预算单位
        </Button>
      </Group>
      <Text role="status" aria-label="单位合计" fw={500}>
        共 {rows.length} 个预算单位{rows.length !== units.length ? `（全部 ${units.length} 个）` : ''}，{year} 年度项目{' '}
        {rows.reduce((n, u) => n + u.projectCount, 0)} 个
      </Text>
      <UnitTable
        units={rows}
        onEdit={setEditing}
        emptyText={units.length ? '没有符合条件的单位。' : '还没有预算单位。点击“新增预算单位”录入。'}
      />
      {editing && (
        <UnitFormModal
          units={units}
          unit={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
