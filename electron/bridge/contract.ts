/**
 * The bridge contract: every call the renderer can make, in one map merged from the per-area lists in
 * calls/ (one file per area, the way the renderer has one folder per area). Each entry names the call
 * (`area.action`), its zod input schema (with the zh-CN message a clerk sees at the field), its result
 * type and whether it writes. The preload, the dispatcher, the browser host and the renderer's typed
 * client are all derived from this object; adding a call is one entry in its area's list plus its handler.
 *
 * This module is shared with the renderer: it and calls/ import zod, pure rules and types only. The
 * renderer takes every result type from here, never from a service module.
 */
import type { z } from 'zod';
import type { CallSpec } from './callSpec';
import { ledgerCalls } from './calls/ledger';
import { projectsCalls } from './calls/projects';
import { indicatorsCalls } from './calls/indicators';
import { targetsCalls } from './calls/targets';
import { exAnteCalls } from './calls/exAnte';
import { monitoringCalls } from './calls/monitoring';
import { rectificationCalls } from './calls/rectification';
import { keyEvaluationsCalls } from './calls/keyEvaluations';
import { reportsCalls } from './calls/reports';
import { reviewCalls } from './calls/review';
import { selfEvaluationsCalls } from './calls/selfEvaluations';
import { resultApplicationCalls } from './calls/resultApplication';
import { overviewCalls } from './calls/overview';
import { exchangeCalls } from './calls/exchange';

export type { CallSpec, FileUse, ImportPreviewOutcome, SaveOutcome } from './callSpec';
// The ledger's codes (arrays and their types): the renderer's one way to them.
export * from '../../db/vocabulary';
export type * from './calls/fields';
export type * from './calls/ledger';
export type * from './calls/projects';
export type * from './calls/indicators';
export type * from './calls/targets';
export type * from './calls/exAnte';
export type * from './calls/monitoring';
export type * from './calls/rectification';
export type * from './calls/keyEvaluations';
export type * from './calls/reports';
export type * from './calls/review';
export type * from './calls/selfEvaluations';
export type * from './calls/resultApplication';
export type * from './printing';
export type * from './calls/overview';
export type * from './calls/exchange';

export const contract = {
  ...ledgerCalls,
  ...projectsCalls,
  ...indicatorsCalls,
  ...targetsCalls,
  ...exAnteCalls,
  ...monitoringCalls,
  ...rectificationCalls,
  ...keyEvaluationsCalls,
  ...reportsCalls,
  ...reviewCalls,
  ...selfEvaluationsCalls,
  ...resultApplicationCalls,
  ...overviewCalls,
  ...exchangeCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallArgs<K extends CallName> = z.output<Contract[K]['input']>;
export type CallResult<K extends CallName> = Contract[K] extends CallSpec<z.ZodType, infer R> ? R : never;

export interface BridgeError {
  code: string;
  message: string;
  /** Per-field messages, keyed by the input's field name, for forms. */
  fields?: Record<string, string>;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** `window.ledger.<area>.<action>(input)`: the shape the preload and the HTTP client expose. */
type AreaOf<K> = K extends `${infer A}.${string}` ? A : never;
type ActionOf<K, A extends string> = K extends `${A}.${infer B}` ? B : never;
export type LedgerApi = {
  [A in AreaOf<CallName>]: {
    [B in ActionOf<CallName, A>]: (input: CallInput<`${A}.${B}` & CallName>) => Promise<Envelope<CallResult<`${A}.${B}` & CallName>>>;
  };
};

/** Builds the nested API object from one function that sends a call; used by the preload and the HTTP client. */
export function buildApi(send: (call: CallName, input: unknown) => Promise<Envelope<unknown>>): LedgerApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const name of callNames) {
    const [area, action] = name.split('.') as [string, string];
    (api[area] ??= {})[action] = (input: unknown) => send(name, input);
  }
  return api as unknown as LedgerApi;
}
