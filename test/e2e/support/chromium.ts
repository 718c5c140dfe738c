/**
 * Finding the Chromium the end-to-end tests drive. Without one the suite is skipped loudly, unless
 * E2E_REQUIRED=1 (CI, release checks), where a missing browser is a failure.
 */
import fs from 'node:fs';
import { describe, it } from 'vitest';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export const chromiumPath = findChromium();

const MISSING =
  (process.env.CHROMIUM_PATH?.trim()
    ? `CHROMIUM_PATH 指向的 ${process.env.CHROMIUM_PATH} 不存在。`
    : `找不到 Chromium（${CANDIDATES.join(' 或 ')}，也未设置 CHROMIUM_PATH）。`) +
  '安装：apt-get install -y chromium fonts-wqy-microhei，或设置 CHROMIUM_PATH。';

/** `describe` for suites that need Chromium: skipped with a banner when absent, failed when required. */
export function describeInChromium(name: string, body: () => void): void {
  if (chromiumPath) {
    describe(name, body);
  } else if (process.env.E2E_REQUIRED === '1') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`E2E_REQUIRED=1，但${MISSING}`);
      });
    });
  } else {
    console.warn(
      [
        '',
        '#'.repeat(78),
        `#  浏览器端到端测试已跳过：${name}`,
        `#  ${MISSING}`,
        '#  设置 E2E_REQUIRED=1 可让缺少浏览器时测试失败。',
        '#'.repeat(78),
        '',
      ].join('\n'),
    );
    describe.skip(name, body);
  }
}
