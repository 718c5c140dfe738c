/** Bridge calls for 表格审核: a unit's table checked against the year's rules, and the findings sent back. */
import { z } from 'zod';
import type { TableReview } from '../../review/tableReview';
import { write, OPEN_SPREADSHEET, SAVE_XLSX, type ImportPreviewOutcome, type SaveOutcome } from '../callSpec';
import { year } from './fields';

/** Result shapes the renderer reads through the contract. */
export type { ReviewedKind, ReviewFinding, ReviewSubtotal, TableReview } from '../../review/tableReview';

export const reviewCalls = {
  // Declared as writes though they change nothing: a 绩效目标申报表 is checked by the import's own
  // preview, which tries the import in a transaction it rolls back — SQLite allows that only on the
  // writable connection. Nothing is ever committed (test/ledger/tableReview.test.ts holds the ledger to it).
  'review.table': write<ImportPreviewOutcome<TableReview>>()(
    z.object({ year }),
    '选择单位报送的表格并审核：识别表格类型，按年度规则复算小计、合计和等级，逐项列出问题（不写入台账）',
    OPEN_SPREADSHEET,
  ),
  'review.exportFindings': write<SaveOutcome<{ findingCount: number }>>()(
    z.object({ year, fileId: z.string().uuid('审核的文件标识无效，请重新选择文件') }),
    '导出审核意见（xlsx，发回报送单位）',
    SAVE_XLSX,
  ),
} as const;
