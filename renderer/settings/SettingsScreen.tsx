import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { useYear } from '../shell/YearContext';
import { auditHref } from '../shell/routes';
import { AuditTable } from './AuditTable';
import { BackupPanel, LedgerCheckPanel } from './BackupPanel';
import { BureauSettingsForm } from './BureauSettingsForm';
import { CreateYearForm } from './CreateYearForm';
import { LedgerInfoTable } from './LedgerInfoTable';
import { OperatorForm } from './OperatorForm';
import { ProjectTypesPanel } from './ProjectTypesPanel';
import { YearsTable } from './YearsTable';

/**
 * 设置: which ledger file is open, who is working, backups and the ledger check, the bureau's own details
 * and 项目类型, its fiscal years, and the latest entries of its audit log (the whole log is a page of its own).
 */
export function SettingsScreen() {
  const { years, error: yearsError, reloadYears } = useYear();
  const info = useCall('ledger.info', {});
  const audit = useCall('audit.search', { page: 1, pageSize: 10 });
  const operator = useCall('operator.get', {});
  const settings = useCall('settings.get', {});
  const projectTypes = useCall('projectTypes.list', {});

  function afterYearCreated() {
    info.reload();
    audit.reload();
  }

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={2}>设置</Title>
      <Section title="台账信息">
        {info.error ? (
          <LoadError error={info.error} onRetry={info.reload} />
        ) : info.data ? (
          <LedgerInfoTable info={info.data} />
        ) : (
          <Loader size="sm" />
        )}
      </Section>
      <Section title="经办人">
        {operator.error ? (
          <LoadError error={operator.error} onRetry={operator.reload} />
        ) : operator.data ? (
          <OperatorForm key={operator.data.actor} operator={operator.data} onSaved={operator.reload} />
        ) : (
          <Loader size="sm" />
        )}
      </Section>
      <Section title="备份与恢复">{info.data ? <BackupPanel ledgerFileName={info.data.fileName} /> : <Loader size="sm" />}</Section>
      <Section title="台账检查">
        <LedgerCheckPanel />
      </Section>
      <Section title="本局信息">
        {settings.error ? (
          <LoadError error={settings.error} onRetry={settings.reload} />
        ) : settings.data ? (
          <BureauSettingsForm
            key={settings.data.updatedAt ?? 'new'}
            settings={settings.data}
            onSaved={() => {
              settings.reload();
              audit.reload();
            }}
          />
        ) : (
          <Loader size="sm" />
        )}
      </Section>
      <Section title="项目类型">
        {projectTypes.error ? (
          <LoadError error={projectTypes.error} onRetry={projectTypes.reload} />
        ) : projectTypes.data ? (
          <ProjectTypesPanel
            types={projectTypes.data}
            onChanged={() => {
              projectTypes.reload();
              audit.reload();
            }}
          />
        ) : (
          <Loader size="sm" />
        )}
      </Section>
      <Section title="预算年度">
        {yearsError ? (
          <LoadError error={yearsError} onRetry={reloadYears} />
        ) : years?.length ? (
          <YearsTable years={years} />
        ) : (
          <Text c="dimmed">台账中还没有预算年度。</Text>
        )}
        <CreateYearForm onCreated={afterYearCreated} />
      </Section>
      <Section title="最近的操作记录">
        {audit.error ? (
          <LoadError error={audit.error} onRetry={audit.reload} />
        ) : audit.data ? (
          <>
            <AuditTable entries={audit.data.entries} label="最近的审计记录" empty="暂无操作记录。" />
            <Group>
              <Anchor href={auditHref()}>查看全部操作记录（{audit.data.total} 条），按记录、经办人和日期查找</Anchor>
            </Group>
          </>
        ) : (
          <Loader size="sm" />
        )}
      </Section>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}
