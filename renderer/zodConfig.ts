/**
 * Zod setup, imported before anything that defines or parses a schema. The renderer's CSP forbids
 * eval, and zod otherwise probes `new Function` (a CSP violation in the console); its own messages,
 * where the contract does not give one, are in Chinese.
 */
import { z } from 'zod';
import { zhCN } from 'zod/locales';

z.config({ jitless: true });
z.config(zhCN());
