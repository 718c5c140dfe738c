import { EmptyState } from '@mantine/core';
import type { Area } from './areas';

/** What an area not built yet shows: what it will hold, plainly, instead of a fake screen. */
export function PlannedArea({ area }: { area: Area }) {
  return (
    <EmptyState
      mt="xl"
      title={`${area.label}：规划中`}
      description={
        <>
          {area.plan}
          <br />
          本版本尚未提供此功能，后续版本将陆续开放。
        </>
      }
    />
  );
}
