/**
 * The bridge's read/write declaration is enforced, not trusted: every call declared as a read runs on a
 * read-only connection. Proven twice on the demo year: every read call (exports and previews included)
 * leaves the ledger byte-for-byte the same, and a read call whose service tried to write is refused.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exAnteAssessments,
  indicators,
  keyEvaluations,
  monitoringEntries,
  performanceTargets,
  projects,
  rectificationNotices,
} from '../../db/schema';
import type { CallInput, CallName, contract } from '../../electron/bridge/contract';
import { dispatch, type FileAccess } from '../../electron/bridge/dispatcher';
import { StagedFiles, type FileGateway, type PickedFile } from '../../electron/bridge/fileExchange';
import { handlers, type HandlerContext, type Handlers } from '../../electron/bridge/handlers';
import type { ServiceContext } from '../../electron/ledger/context';
import { listYears } from '../../electron/ledger/years';
import { selfEvaluationCandidates } from '../../electron/selfEvaluations/selfEvaluations';
import { createSelfEvaluation } from '../../electron/selfEvaluations/selfEvaluationWrites';
import {
  createDepartmentSelfEvaluation,
  departmentSelfEvaluationCandidates,
} from '../../electron/selfEvaluations/departmentSelfEvaluations';
import { createYear } from '../../electron/settings/yearSetup';
import { demoContext, prepareDemoLedger } from '../fixtures/demoLedger';

type ReadCall = { [K in CallName]: (typeof contract)[K]['write'] extends false ? K : never }[CallName];

/** Every table's rows, hashed in rowid order: equal fingerprints mean nothing was added, changed or removed. */
function fingerprint(ctx: ServiceContext): Record<string, string> {
  const sqlite = ctx.ledger.sqlite;
  const tables = sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as {
    name: string;
  }[];
  return Object.fromEntries(
    tables.map(({ name }) => {
      const rows = sqlite.prepare(`select * from "${name}" order by rowid`).all();
      return [name, createHash('sha256').update(JSON.stringify(rows)).digest('hex')];
    }),
  );
}

/** A transport that saves into memory and, asked for a file, hands over the last file saved. */
function memoryFiles(): FileAccess & { saved: PickedFile[] } {
  const saved: PickedFile[] = [];
  const files: FileGateway = {
    openFile: async () => saved.findLast((f) => f.name.endsWith('.xlsx')) ?? null,
    chooseFolder: async () => null,
    saveFile: async (request, bytes) => {
      saved.push({ name: request.defaultName, bytes });
      return { savedAs: request.defaultName };
    },
  };
  return { files, staged: new StagedFiles(), saved };
}

function firstId(
  ctx: ServiceContext,
  table: typeof projects | typeof indicators | typeof performanceTargets | typeof exAnteAssessments | typeof keyEvaluations,
): number {
  const row = ctx.ledger.db.select({ id: table.id }).from(table).limit(1).get();
  if (!row) throw new Error('demo ledger lacks a record the test needs');
  return row.id;
}

describe('read-only bridge calls', () => {
  prepareDemoLedger();
  const original = handlers['ledger.info'];
  afterEach(() => {
    handlers['ledger.info'] = original;
  });

  it('leave the ledger unchanged, every one of them, on a populated ledger', async () => {
    const ctx = demoContext();
    const year = 2023;
    const entry = ctx.ledger.db
      .select({ roundId: monitoringEntries.roundId, targetId: monitoringEntries.targetId })
      .from(monitoringEntries)
      .limit(1)
      .get()!;
    const noticeIds = ctx.ledger.db
      .select({ id: rectificationNotices.id })
      .from(rectificationNotices)
      .all()
      .map((n) => n.id);
    const [projectId, indicatorId, targetId, assessmentId, evaluationId] = [
      projects,
      indicators,
      performanceTargets,
      exAnteAssessments,
      keyEvaluations,
    ].map((t) => firstId(ctx, t)) as [number, number, number, number, number];
    const roundId = entry.roundId;
    const selfEvaluationId = createSelfEvaluation(ctx, {
      projectId: selfEvaluationCandidates(ctx, { year, kind: 'self' })[0]!.projectId,
      kind: 'self',
    }).id;
    const departmentEvaluationId = createDepartmentSelfEvaluation(ctx, {
      year,
      unitId: departmentSelfEvaluationCandidates(ctx, { year })[0]!.unitId,
      templateId: 'department',
    }).id;

    // One input per read call; a new read call without an entry here is a type error.
    const inputs: { [K in ReadCall]: CallInput<K> } = {
      'ledger.info': {},
      'settings.get': {},
      'audit.search': { page: 1, pageSize: 50, projectId },
      'operator.get': {},
      'ledger.check': {},
      'backups.list': {},
      'years.list': {},
      'units.list': { year },
      'projects.list': { year },
      'projects.dossier': { id: projectId },
      'projects.export': { year },
      'projectTypes.list': {},
      'indicators.classes': {},
      'indicators.list': {},
      'indicators.usage': { id: indicatorId },
      'indicators.recommend': { className: null, text: '农村公路养护', limit: 10 },
      'indicators.export': {},
      'indicators.importPreview': {},
      'targets.list': { year },
      'targets.get': { id: targetId },
      'targets.templateExport': { year, unitId: null },
      'targets.publicationExport': { year },
      'review.sheetExport': { targetIds: [targetId], party: 'thirdParty' },
      'review.sheetImportPreview': { party: 'thirdParty' },
      'review.sheetImportRepreview': { fileId: '00000000-0000-4000-8000-000000000000', party: 'finance' },
      'review.rounds': { targetId },
      'exAnte.list': { year },
      'exAnte.get': { id: assessmentId },
      'exAnte.gate': { projectId },
      'exAnte.exportScoreSheet': { id: assessmentId },
      'exAnte.exportReport': { id: assessmentId },
      'exAnte.overview': { year },
      'monitoring.rounds': { year },
      'monitoring.forms': { roundId },
      'monitoring.form': { roundId, targetId: entry.targetId },
      'monitoring.exportTemplate': { roundId, unitId: null },
      'monitoring.importPreview': { roundId },
      'warnings.list': { roundId },
      'warnings.summary': { roundId },
      'execution.importPreview': { roundId },
      'execution.importRepreview': { roundId, fileId: '00000000-0000-4000-8000-000000000000', manualMatches: [] },
      'execution.list': { roundId },
      'execution.rememberedMatches': { year },
      'notices.list': { year },
      'notices.get': { id: noticeIds[0]! },
      'notices.exportDocuments': { ids: noticeIds.slice(0, 5), per: 'unit' },
      'notices.exportList': { year },
      'keyEvaluations.list': { year },
      'keyEvaluations.get': { id: evaluationId },
      'keyEvaluations.templates': { includeRetired: true },
      'keyEvaluations.exportFramework': { evaluationId },
      'keyEvaluations.frameworkImportPreview': { id: evaluationId },
      'keyEvaluations.templateImportPreview': {},
      'keyEvaluations.score': { id: evaluationId },
      'keyEvaluations.suggestedAction': { evaluationId },
      'keyEvaluations.listActions': { year },
      'keyEvaluations.exportReport': { id: evaluationId },
      'keyEvaluations.exportScoreSheet': { id: evaluationId },
      'keyEvaluations.scoreSheetImportPreview': { id: evaluationId },
      'keyEvaluations.publication': { year },
      'keyEvaluations.exportPublication': { year },
      'keyEvaluations.yearFigures': { year },
      'reports.yearSummary': { year },
      'reports.annualSummary': { year },
      'reports.exportAnnualSummary': { year },
      'overview.todos': { year },
      'overview.charts': { year },
      'overview.exportChart': { year, chart: 'execution' },
      'selfEvaluations.list': { year },
      'selfEvaluations.get': { id: selfEvaluationId },
      'selfEvaluations.candidates': { year, kind: 'self' },
      'selfEvaluations.yearFigures': { year },
      'selfEvaluations.departmentList': { year },
      'selfEvaluations.departmentGet': { id: departmentEvaluationId },
      'selfEvaluations.departmentCandidates': { year },
      'exchange.packageKinds': {},
      'exchange.verifyStart': {},
      'exchange.jobProgress': { jobId: '00000000-0000-4000-8000-000000000000' },
      'exchange.jobCancel': { jobId: '00000000-0000-4000-8000-000000000000' },
    };

    const before = fingerprint(ctx);
    const access = memoryFiles();
    const refused: string[] = [];
    for (const [call, input] of Object.entries(inputs)) {
      const result = await dispatch(ctx, call, input, access);
      if (!result.ok) refused.push(`${call}: ${result.error.code}`);
    }
    // Refused for what they were asked, never because they wrote: the demo's targets are all approved
    // (none in review to send out), and the re-previews name a file that was never staged.
    expect(refused).toEqual([
      'review.sheetExport: not_in_review',
      'review.sheetImportRepreview: file_expired',
      'execution.importRepreview: file_expired',
      'exchange.jobProgress: job_missing',
      'exchange.jobCancel: job_missing',
    ]);
    expect(access.saved.length).toBeGreaterThanOrEqual(12);
    expect(fingerprint(ctx)).toEqual(before);
  });

  it('refuse a read whose service tries to write, in Chinese, and the ledger keeps nothing of it', async () => {
    const ctx = demoContext();
    // Stand-in for a buggy read: the call is declared read-only, its service creates a year.
    handlers['ledger.info'] = ((handlerCtx: HandlerContext) =>
      createYear(handlerCtx, { year: 2031 })) as unknown as Handlers['ledger.info'];
    const before = fingerprint(ctx);

    const result = await dispatch(ctx, 'ledger.info', {});

    expect(result).toEqual({ ok: false, error: { code: 'read_only', message: expect.stringContaining('只读操作') } });
    expect(listYears(ctx).map((y) => y.year)).not.toContain(2031);
    expect(fingerprint(ctx)).toEqual(before);
  });

  it('see what a write just committed', async () => {
    const ctx = demoContext();
    expect(await dispatch(ctx, 'years.list', {})).toMatchObject({ ok: true });
    expect(await dispatch(ctx, 'years.create', { year: 2024 })).toMatchObject({ ok: true });
    const years = await dispatch(ctx, 'years.list', {});
    expect(years.ok && (years.value as { year: number }[]).map((y) => y.year)).toContain(2024);
  });
});
