import { Loader, Stack, Tabs, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { ExecutionPanel } from './ExecutionPanel';
import { FormsPanel } from './FormsPanel';
import { FormTemplateButtons } from './FormTemplateButtons';
import { MonitoringFormPage } from './MonitoringFormPage';
import { RoundsCard } from './RoundsCard';
import { SummaryPanel } from './SummaryPanel';
import { WarningsPanel } from './WarningsPanel';

/**
 * 绩效监控: the year's rounds, and for the chosen round its execution data (imported from the budget
 * platform), the warning list, the units' monitoring forms and the round's summary.
 */
export function MonitoringScreen({ year }: { year: number }) {
  const rounds = useCall('monitoring.rounds', { year });
  const [roundId, setRoundId] = useState<number | null>(null);
  const [tab, setTab] = useState<string | null>('execution');
  const [formId, setFormId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const forms = useCall('monitoring.forms', roundId === null ? null : { roundId });

  // The first round of the year until the clerk picks one (or the picked one is gone).
  useEffect(() => {
    if (!rounds.data) return;
    if (roundId === null || !rounds.data.some((r) => r.id === roundId)) setRoundId(rounds.data[0]?.id ?? null);
  }, [rounds.data, roundId]);

  const round = rounds.data?.find((r) => r.id === roundId) ?? null;
  const changed = () => setVersion((v) => v + 1);

  if (round && formId !== null) {
    return (
      <MonitoringFormPage
        roundId={round.id}
        targetId={formId}
        onBack={() => setFormId(null)}
        onSaved={() => {
          forms.reload();
          changed();
        }}
      />
    );
  }

  const targetOf = (projectId: number) => forms.data?.find((f) => f.projectId === projectId)?.targetId ?? null;
  return (
    <Stack gap="md">
      <Title order={2}>绩效监控 · {year} 年度</Title>
      {rounds.error && <LoadError error={rounds.error} onRetry={rounds.reload} />}
      {!rounds.data ? (
        !rounds.error && <Loader aria-label="正在读取监控轮次" />
      ) : (
        <RoundsCard
          year={year}
          rounds={rounds.data}
          selectedId={roundId}
          onSelect={setRoundId}
          onChanged={(selectId) => {
            rounds.reload();
            if (selectId !== undefined) setRoundId(selectId);
          }}
        />
      )}
      {round && (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="execution">执行数据</Tabs.Tab>
            <Tabs.Tab value="warnings">预警清单</Tabs.Tab>
            <Tabs.Tab value="forms">监控表</Tabs.Tab>
            <Tabs.Tab value="summary">本轮概况</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="execution" pt="sm">
            <ExecutionPanel key={round.id} round={round} onImported={changed} />
          </Tabs.Panel>
          <Tabs.Panel value="warnings" pt="sm">
            <WarningsPanel key={round.id} round={round} targetOf={targetOf} onOpenForm={setFormId} onChanged={changed} />
          </Tabs.Panel>
          <Tabs.Panel value="forms" pt="sm">
            <Stack gap="sm">
              <FormTemplateButtons
                year={year}
                roundId={round.id}
                onImported={() => {
                  forms.reload();
                  changed();
                }}
              />
              <FormsPanel forms={forms} onOpen={setFormId} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="summary" pt="sm">
            <SummaryPanel roundId={round.id} version={version} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
