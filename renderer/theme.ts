import { createTheme } from '@mantine/core';

/** Fonts the bureau's Windows, UOS and Kylin PCs have, so Chinese never falls back to boxes. */
const CHINESE_SANS = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: `-apple-system, "Segoe UI", ${CHINESE_SANS}`,
  headings: { fontFamily: `-apple-system, "Segoe UI", ${CHINESE_SANS}` },
  defaultRadius: 'sm',
});
