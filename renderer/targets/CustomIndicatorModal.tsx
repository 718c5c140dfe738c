import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { THREE_WAY_LEVELS } from '../../electron/rules/indicatorRules';
import { PERIOD_LABELS, rowKey, type DraftIndicator } from './targetDraft';
import { type Nature, NATURES } from '../../electron/bridge/contract';
import type { TargetPeriod } from '../../electron/bridge/contract';

interface CustomIndicatorModalProps {
  period: TargetPeriod;
  onAdd: (row: DraftIndicator) => void;
  onClose: () => void;
}

/**
 * 添加个性指标: an indicator particular to this project. It is placed by the library's 三分法 levels
 * (a 四分法 year shows 成本指标 under its own 一级); the ledger checks it when the target is saved.
 */
export function CustomIndicatorModal({ period, onAdd, onClose }: CustomIndicatorModalProps) {
  const [level1, setLevel1] = useState<string | null>(null);
  const [level2, setLevel2] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nature, setNature] = useState<Nature>('≥');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState('');

  function add(event: FormEvent) {
    event.preventDefault();
    onAdd({
      key: rowKey(),
      id: null,
      libraryIndicatorId: null,
      period,
      level1: level1 ?? '',
      level2: level2 ?? '',
      name,
      nature,
      value,
      unit,
      libraryNameNow: null,
      lastYearActual: null,
      hint: null,
    });
  }

  return (
    <Modal opened onClose={onClose} title={`添加个性指标（${PERIOD_LABELS[period]}）`}>
      <form onSubmit={add} aria-label="添加个性指标">
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            个性指标是本项目特有、指标库中没有的指标。保存目标时台账会检查级次、性质和计量单位；常用的个性指标可在保存后“纳入指标库”。
          </Text>
          <SimpleGrid cols={2}>
            <Select
              label="一级指标"
              allowDeselect={false}
              data={Object.keys(THREE_WAY_LEVELS)}
              value={level1}
              onChange={(v) => {
                setLevel1(v);
                setLevel2(null);
              }}
            />
            <Select
              label="二级指标"
              allowDeselect={false}
              data={level1 ? [...(THREE_WAY_LEVELS[level1] ?? [])] : []}
              value={level2}
              onChange={setLevel2}
            />
          </SimpleGrid>
          <TextInput label="三级指标名称" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <SimpleGrid cols={3}>
            <Select label="性质" allowDeselect={false} data={[...NATURES]} value={nature} onChange={(v) => v && setNature(v as Nature)} />
            <TextInput label="指标值" value={value} onChange={(e) => setValue(e.currentTarget.value)} />
            <TextInput label="计量单位" value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit">加入目标</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
