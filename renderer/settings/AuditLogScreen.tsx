import { Anchor, Button, Group, Loader, Pagination, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import type { CallInput } from '../../electron/bridge/contract';
import { useCall } from '../bridge/useCall';
import { LoadError } from '../common/LoadError';
import { auditHref, projectHref } from '../shell/routes';
import { AuditTable } from './AuditTable';

const PAGE_SIZE = 50;

interface Filters {
  object: string;
  actor: string;
  from: string | null;
  to: string | null;
}

const NO_FILTERS: Filters = { object: '', actor: '', from: null, to: null };

/**
 * 操作记录: the audit log a page at a time, newest first, found by record, operator and date; opened
 * from a project's page it shows only what concerns that project (`#/audit/project/<id>`).
 */
export function AuditLogScreen({ projectId }: { projectId: number | null }) {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const input: CallInput<'audit.search'> = {
    page,
    pageSize: PAGE_SIZE,
    projectId,
    object: applied.object || null,
    actor: applied.actor || null,
    from: applied.from,
    to: applied.to,
  };
  const result = useCall('audit.search', input);
  const data = result.data;

  function search() {
    setApplied(draft);
    setPage(1);
  }

  function clear() {
    setDraft(NO_FILTERS);
    setApplied(NO_FILTERS);
    setPage(1);
  }

  return (
    <Stack gap="md" maw={1300}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{data?.project ? `操作记录 · 项目“${data.project.name}”` : '操作记录'}</Title>
          <Text c="dimmed" fz="sm">
            {data?.project
              ? `${data.project.year} 年度。包括该项目及其绩效目标、会审、事前评估、监控、整改通知和评价的每一次改动。`
              : '台账的每一次改动：谁、何时、改了哪条记录、改前改后。'}
          </Text>
        </div>
        <Group>
          {projectId !== null && (
            <>
              <Anchor href={projectHref(projectId)}>回到项目页</Anchor>
              <Anchor href={auditHref()}>查看全部操作记录</Anchor>
            </>
          )}
          <Anchor href="#/settings">回到设置</Anchor>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <form
          aria-label="查找操作记录"
          onSubmit={(e) => {
            e.preventDefault();
            search();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label="记录名称"
              placeholder="如 农村道路养护"
              value={draft.object}
              onChange={(e) => setDraft({ ...draft, object: e.currentTarget.value })}
            />
            <TextInput
              label="经办人"
              placeholder="姓名或登录名"
              value={draft.actor}
              onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })}
            />
            <DateInput
              label="起始日期"
              valueFormat="YYYY-MM-DD"
              clearable
              value={draft.from}
              onChange={(v) => setDraft({ ...draft, from: v })}
              w={150}
            />
            <DateInput
              label="截止日期"
              valueFormat="YYYY-MM-DD"
              clearable
              value={draft.to}
              onChange={(v) => setDraft({ ...draft, to: v })}
              w={150}
            />
            <Button type="submit">查找</Button>
            <Button variant="default" onClick={clear}>
              清除条件
            </Button>
          </Group>
        </form>
      </Paper>
      {result.error && <LoadError error={result.error} onRetry={result.reload} />}
      {data ? (
        <>
          <Text fz="sm" aria-label="记录数">
            共 {data.total} 条，第 {data.page} / {Math.max(1, Math.ceil(data.total / data.pageSize))} 页
          </Text>
          <AuditTable entries={data.entries} label="操作记录" empty="没有符合条件的操作记录。请放宽查找条件。" />
          <Pagination
            total={Math.max(1, Math.ceil(data.total / data.pageSize))}
            value={data.page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': control === 'next' ? '下一页' : control === 'previous' ? '上一页' : control })}
          />
        </>
      ) : (
        !result.error && <Loader m="xl" aria-label="正在读取操作记录" />
      )}
    </Stack>
  );
}
