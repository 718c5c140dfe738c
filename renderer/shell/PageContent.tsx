import { ProjectPage } from '../projects/ProjectPage';
import { AuditLogScreen } from '../settings/AuditLogScreen';
import type { PageRoute } from './useHashRoute';

/** A page with its own address: a project's page, or the audit log (all of it or one project's). */
export function PageContent({ page }: { page: PageRoute }) {
  if (page.kind === 'project') return <ProjectPage key={page.projectId} projectId={page.projectId} />;
  return <AuditLogScreen key={page.projectId ?? 'all'} projectId={page.projectId} />;
}
