/**
 * Which service answers each bridge call: one handler list per area (handlers/), merged here. The
 * mapped type makes a missing or mistyped handler a compile error, so the contract and the services
 * cannot drift apart.
 */
import type { CallArgs, CallName, CallResult } from './contract';
import type { HandlerContext } from './handlers/fileSteps';
import { ledgerHandlers } from './handlers/ledger';
import { projectsHandlers } from './handlers/projects';
import { indicatorsHandlers } from './handlers/indicators';
import { targetsHandlers } from './handlers/targets';
import { exAnteHandlers } from './handlers/exAnte';
import { monitoringHandlers } from './handlers/monitoring';
import { rectificationHandlers } from './handlers/rectification';
import { keyEvaluationsHandlers } from './handlers/keyEvaluations';
import { reportsHandlers } from './handlers/reports';
import { reviewHandlers } from './handlers/review';
import { selfEvaluationsHandlers } from './handlers/selfEvaluations';
import { resultApplicationHandlers } from './handlers/resultApplication';
import { overviewHandlers } from './handlers/overview';
import { exchangeHandlers } from './handlers/exchange';

export type { HandlerContext } from './handlers/fileSteps';

export type Handlers = { [K in CallName]: (ctx: HandlerContext, input: CallArgs<K>) => CallResult<K> | Promise<CallResult<K>> };

export const handlers: Handlers = {
  ...ledgerHandlers,
  ...projectsHandlers,
  ...indicatorsHandlers,
  ...targetsHandlers,
  ...exAnteHandlers,
  ...monitoringHandlers,
  ...rectificationHandlers,
  ...keyEvaluationsHandlers,
  ...reportsHandlers,
  ...reviewHandlers,
  ...selfEvaluationsHandlers,
  ...resultApplicationHandlers,
  ...overviewHandlers,
  ...exchangeHandlers,
};
