/** The one refusal of an unusable framework, for every service that stores one (an evaluation's, a template). */
import { checkFramework, problemTexts, refusalFields } from '../rules/keyEvaluationFrameworkCheck';
import type { Framework } from '../rules/keyEvaluationScore';
import { LedgerError } from '../../db/ledgerError';

/**
 * Throws 'framework_invalid' when checkFramework finds anything: every problem in the message, after
 * `refused` ("评价指标体系有问题，未保存"), and each at its field in the words the editor shows there.
 */
export function requireUsableFramework(framework: Framework, refused: string): void {
  const problems = checkFramework(framework);
  if (problems.length)
    throw new LedgerError('framework_invalid', `${refused}：${problemTexts(problems).join('；')}。`, refusalFields(problems));
}
