/** Which service answers each of the area's bridge calls (calls/projects.ts). */
import { projectDossier } from '../../projects/projectDossier';
import { exportProjects } from '../../projects/projectExport';
import { commitProjectImport, previewProjectImport } from '../../projects/projectImport';
import { createProject, listProjects, updateProject } from '../../projects/projects';
import { createProjectType, listProjectTypes, renameProjectType, setProjectTypeRetired } from '../../projects/projectTypes';
import { createUnit, listUnits, updateUnit } from '../../projects/units';
import { type AreaHandlers, previewPickedFile, commitStagedFile, saveFile } from './fileSteps';
import type { projectsCalls } from '../calls/projects';

export const projectsHandlers: AreaHandlers<typeof projectsCalls> = {
  'units.list': listUnits,
  'units.create': createUnit,
  'units.update': updateUnit,
  'projects.list': listProjects,
  'projects.dossier': projectDossier,
  'projects.create': (ctx, input) => createProject(ctx, input),
  'projects.update': (ctx, input) => updateProject(ctx, input),
  'projectTypes.list': (ctx) => listProjectTypes(ctx),
  'projectTypes.create': createProjectType,
  'projectTypes.rename': renameProjectType,
  'projectTypes.setRetired': setProjectTypeRetired,
  'projects.importPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择单位和项目工作簿', (file) =>
      previewProjectImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes }),
    ),
  'projects.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitProjectImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes })),
  'projects.export': async (ctx, input) => {
    const exported = await exportProjects(ctx, input);
    return saveFile(ctx, '导出项目清单', exported.fileName, exported.bytes, {
      projectCount: exported.projectCount,
      totalFen: exported.totalFen,
    });
  },
};
