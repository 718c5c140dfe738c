import { Badge, createTheme } from '@mantine/core';

/** Fonts the bureau's Windows, UOS and Kylin PCs have, so Chinese never falls back to boxes. */
const CHINESE_SANS = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif';

export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: `-apple-system, "Segoe UI", ${CHINESE_SANS}`,
  headings: { fontFamily: `-apple-system, "Segoe UI", ${CHINESE_SANS}` },
  defaultRadius: 'sm',
  components: {
    // A status or flag badge is read whole ("已批复", "必选"): never squeezed to "已…" by a tight column or row.
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, minWidth: 'max-content' } } }),
  },
});
