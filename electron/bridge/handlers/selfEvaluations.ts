/** Which service answers each of the area's bridge calls (calls/selfEvaluations.ts). */
import {
  getSelfEvaluation,
  listSelfEvaluations,
  selfEvaluationCandidates,
  selfEvaluationYearFigures,
} from '../../selfEvaluations/selfEvaluations';
import {
  acceptSelfEvaluation,
  createSelfEvaluation,
  returnSelfEvaluation,
  saveSelfEvaluation,
  submitSelfEvaluation,
} from '../../selfEvaluations/selfEvaluationWrites';
import type { AreaHandlers } from './fileSteps';
import type { selfEvaluationsCalls } from '../calls/selfEvaluations';

export const selfEvaluationsHandlers: AreaHandlers<typeof selfEvaluationsCalls> = {
  'selfEvaluations.list': listSelfEvaluations,
  'selfEvaluations.get': getSelfEvaluation,
  'selfEvaluations.candidates': selfEvaluationCandidates,
  'selfEvaluations.yearFigures': selfEvaluationYearFigures,
  'selfEvaluations.create': createSelfEvaluation,
  'selfEvaluations.save': saveSelfEvaluation,
  'selfEvaluations.submit': submitSelfEvaluation,
  'selfEvaluations.return': returnSelfEvaluation,
  'selfEvaluations.accept': acceptSelfEvaluation,
};
