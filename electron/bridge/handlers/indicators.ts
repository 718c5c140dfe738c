/** Which service answers each of the area's bridge calls (calls/indicators.ts). */
import { commitIndicatorImport, exportIndicators, previewIndicatorImport } from '../../indicators/indicatorExchange';
import {
  createIndicator,
  createIndicatorClass,
  indicatorUsage,
  listIndicatorClasses,
  listIndicators,
  recommendForProject,
  reinstateIndicator,
  retireIndicator,
  updateIndicator,
} from '../../indicators/indicators';
import { type AreaHandlers, previewPickedFile, commitStagedFile, saveFile } from './fileSteps';
import type { indicatorsCalls } from '../calls/indicators';

export const indicatorsHandlers: AreaHandlers<typeof indicatorsCalls> = {
  'indicators.classes': (ctx) => listIndicatorClasses(ctx),
  'indicators.list': (ctx) => listIndicators(ctx),
  'indicators.createClass': createIndicatorClass,
  'indicators.create': createIndicator,
  'indicators.update': updateIndicator,
  'indicators.retire': retireIndicator,
  'indicators.reinstate': reinstateIndicator,
  'indicators.usage': indicatorUsage,
  'indicators.recommend': recommendForProject,
  'indicators.importPreview': (ctx) =>
    previewPickedFile(ctx, '选择指标库工作簿', (file) => previewIndicatorImport(ctx, { fileName: file.name, bytes: file.bytes })),
  'indicators.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitIndicatorImport(ctx, { fileName: file.name, bytes: file.bytes })),
  'indicators.export': async (ctx) => {
    const exported = await exportIndicators(ctx);
    return saveFile(ctx, '导出共性指标库', exported.fileName, exported.bytes, {
      classCount: exported.classCount,
      indicatorCount: exported.indicatorCount,
    });
  },
};
