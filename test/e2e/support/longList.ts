import type { Locator } from 'playwright-core';

/** Scrolls a long list to its end; returns whether its header is still on screen, above the rows. */
export async function headerStaysAfterScrolling(table: Locator): Promise<boolean> {
  return table.evaluate((t) => {
    const box = t.closest('.mantine-ScrollArea-viewport') ?? t.parentElement!;
    box.scrollTop = box.scrollHeight;
    const th = t.querySelector('thead th')!;
    const r = th.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return box.scrollTop > 0 && !!hit && th.contains(hit) && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}
