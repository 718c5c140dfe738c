import { useCallback, useEffect, useState } from 'react';
import { areaById, DEFAULT_AREA, type AreaId } from './areas';
import { auditFilterInHash, projectIdInHash } from './routes';

/** A page inside an area that has its own address: a project's page, or the audit log. */
export type PageRoute = { kind: 'project'; projectId: number } | { kind: 'audit'; projectId: number | null };

/**
 * The open area lives in the address hash (`#/projects`), so reload and back/forward keep it; a page
 * (`#/project/12`, `#/audit`) also names the area the navbar marks.
 */
export function useHashRoute(): [AreaId, (area: AreaId) => void, PageRoute | null] {
  const [route, setRoute] = useState(() => fromHash(window.location.hash));

  useEffect(() => {
    const onChange = () => setRoute(fromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const navigate = useCallback((next: AreaId) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [route.area, navigate, route.page];
}

function fromHash(hash: string): { area: AreaId; page: PageRoute | null } {
  const projectId = projectIdInHash(hash);
  if (projectId !== null) return { area: 'projects', page: { kind: 'project', projectId } };
  const audit = auditFilterInHash(hash);
  if (audit) return { area: 'settings', page: { kind: 'audit', projectId: audit.projectId } };
  return { area: areaById(hash.replace(/^#\/?/, ''))?.id ?? DEFAULT_AREA, page: null };
}
