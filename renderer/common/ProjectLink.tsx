import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { projectHref } from '../shell/routes';

/** A project's name in a list, opening its project page; plain text for a row without a project (部门整体). */
export function ProjectLink({ projectId, children }: { projectId: number | null; children: ReactNode }) {
  if (projectId === null) return <span>{children}</span>;
  return (
    <Anchor href={projectHref(projectId)} fz="inherit" fw="inherit">
      {children}
    </Anchor>
  );
}
