/**
 * Run as a child process by restoreKill.test.ts: restores two backups over the ledger in turn, as fast
 * as it can, until the test kills it with SIGKILL at a random moment.
 */
import { closeLedger } from '../../db/open';
import { restoreLedger } from '../../electron/ledger/restore';

const [first, second, target] = process.argv.slice(2) as [string, string, string];
process.stdout.write('ready\n');
for (let i = 0; ; i++) closeLedger(restoreLedger(i % 2 ? second : first, target, { actor: '测试员' }).ledger);
