import { useCallback, useEffect, useState } from 'react';
import { areaById, DEFAULT_AREA, type AreaId } from './areas';

/** The open area lives in the address hash (`#/projects`), so reload and back/forward keep it. */
export function useHashRoute(): [AreaId, (area: AreaId) => void] {
  const [area, setArea] = useState<AreaId>(() => fromHash(window.location.hash));

  useEffect(() => {
    const onChange = () => setArea(fromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const navigate = useCallback((next: AreaId) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [area, navigate];
}

function fromHash(hash: string): AreaId {
  return areaById(hash.replace(/^#\/?/, ''))?.id ?? DEFAULT_AREA;
}
