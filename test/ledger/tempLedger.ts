/**
 * Real ledger files for tests: a fresh temp folder, the production migrations, no mocks. Each helper
 * call gets its own file and cleans up after the test file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { closeLedger, openLedger, type Ledger } from '../../db/open';
import { serviceContext, type ServiceContext } from '../../electron/ledger/context';
import { createYear } from '../../electron/settings/yearSetup';

const opened: Ledger[] = [];
const folders: string[] = [];

afterAll(() => {
  for (const l of opened) closeLedger(l);
  for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
});

export function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-test-'));
  folders.push(dir);
  return dir;
}

export function tempLedgerFile(): string {
  return path.join(tempFolder(), '台账.db');
}

/** Opens a fresh ledger and returns a service context acting as 测试员, optionally with a year. */
export function freshContext(options: { year?: number } = {}): ServiceContext {
  const ledger = openLedger(tempLedgerFile());
  opened.push(ledger);
  const ctx = serviceContext(ledger, '测试员', () => new Date('2023-03-01T08:00:00Z'));
  if (options.year) createYear(ctx, { year: options.year });
  return ctx;
}

export function track(ledger: Ledger): Ledger {
  opened.push(ledger);
  return ledger;
}
