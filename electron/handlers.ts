/**
 * Which service answers each bridge call. The mapped type makes a missing or mistyped handler a
 * compile error, so the contract and the services cannot drift apart.
 */
import type { CallArgs, CallName, CallResult } from './contract';
import { recentAudit } from './services/audit';
import type { ServiceContext } from './services/context';
import { createIndicator, createIndicatorClass, listIndicatorClasses, listIndicators, recommendForProject, reinstateIndicator, retireIndicator, updateIndicator } from './services/indicators';
import { ledgerInfo } from './services/ledgerInfo';
import { createProject, listProjects, updateProject } from './services/projects';
import { createUnit, listUnits, updateUnit } from './services/units';
import { createYear, listYears, setIndicatorLayout } from './services/years';

export type Handlers = { [K in CallName]: (ctx: ServiceContext, input: CallArgs<K>) => CallResult<K> };

export const handlers: Handlers = {
  'ledger.info': (ctx) => ledgerInfo(ctx),
  'audit.recent': (ctx, input) => recentAudit(ctx, input.limit),
  'years.list': (ctx) => listYears(ctx),
  'years.create': createYear,
  'years.setIndicatorLayout': setIndicatorLayout,
  'indicators.classes': (ctx) => listIndicatorClasses(ctx),
  'indicators.list': (ctx) => listIndicators(ctx),
  'indicators.createClass': createIndicatorClass,
  'indicators.create': createIndicator,
  'indicators.update': updateIndicator,
  'indicators.retire': retireIndicator,
  'indicators.reinstate': reinstateIndicator,
  'indicators.recommend': recommendForProject,
  'units.list': listUnits,
  'units.create': createUnit,
  'units.update': updateUnit,
  'projects.list': listProjects,
  'projects.create': createProject,
  'projects.update': updateProject,
};
