/**
 * npm run bench: how fast the things a clerk waits on are, each against a floor measured in the same
 * run on the same machine (the least the work could cost: the raw SQL read, the bare spreadsheet
 * parse), so the verdict does not depend on how fast this machine happens to be. A case fails when it
 * costs more than its budget in multiples of its floor. Exit code 1 on any failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { closeLedger, openLedger } from '../db/open';
import { dispatch } from '../electron/bridge/dispatcher';
import { serviceContext } from '../electron/ledger/context';
import { buildDemoLedger } from './demo/demoYear';
import { exportProjects } from '../electron/projects/projectExport';
import { previewProjectImport } from '../electron/projects/projectImport';
import { loadDefaultLibrary } from '../electron/indicators/indicators';
import { createYear } from '../electron/settings/yearSetup';

interface Case {
  name: string;
  /** The least the work could cost. */
  floor: () => unknown;
  /** What the user waits for. */
  subject: () => unknown | Promise<unknown>;
  /** Allowed cost in multiples of the floor. */
  budget: number;
}

/** Median of `runs` timings in milliseconds, after two warm-up runs. */
async function median(fn: () => unknown | Promise<unknown>, runs: number): Promise<number> {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  const ledger = openLedger(path.join(dir, 'bench.db'));
  try {
    const ctx = serviceContext(ledger, 'bench');
    loadDefaultLibrary(ctx);
    buildDemoLedger(ctx, { year: 2023 });
    const workbook = (await exportProjects(ctx, { year: 2023 })).bytes;
    createYear(ctx, { year: 2024 });
    const rawProjects = ledger.sqlite.prepare(
      `select p.*, u.name as unit_name, coalesce(d.name, u.name) as department_name
         from projects p join budget_units u on u.id = p.unit_id left join budget_units d on d.id = u.parent_id
        where p.year = ? order by p.id`,
    );
    const rawIndicators = ledger.sqlite.prepare(
      'select i.*, c.name as class_name from indicators i join indicator_classes c on c.id = i.class_id',
    );

    const cases: Case[] = [
      {
        name: '项目列表（292 个项目，经桥接调用）',
        floor: () => rawProjects.all(2023),
        subject: () => dispatch(ctx, 'projects.list', { year: 2023 }),
        budget: 8,
      },
      {
        name: '预算单位列表（含本年项目数与预算）',
        floor: () => rawProjects.all(2023),
        subject: () => dispatch(ctx, 'units.list', { year: 2023 }),
        budget: 5,
      },
      {
        name: '导入预览（292 个项目导入空年度）',
        floor: () => XLSX.read(workbook, { dense: true }),
        subject: () => previewProjectImport(ctx, { year: 2024, fileName: 'bench.xlsx', bytes: workbook }),
        budget: 30,
      },
      {
        name: '指标推荐（310 条共性指标）',
        floor: () => rawIndicators.all(),
        subject: () => dispatch(ctx, 'indicators.recommend', { className: null, text: '2023年基层干部培训项目', limit: 20 }),
        budget: 15,
      },
    ];

    let failed = 0;
    console.log('用例'.padEnd(28), '下限(ms)'.padStart(10), '实测(ms)'.padStart(10), '倍数'.padStart(8), '预算'.padStart(6));
    for (const c of cases) {
      const floor = await median(c.floor, 15);
      const subject = await median(c.subject, 15);
      const ratio = subject / Math.max(floor, 0.01);
      const ok = ratio <= c.budget;
      if (!ok) failed++;
      console.log(
        c.name.padEnd(28),
        floor.toFixed(2).padStart(10),
        subject.toFixed(2).padStart(10),
        ratio.toFixed(1).padStart(8),
        `≤${c.budget}`.padStart(6),
        ok ? '通过' : '超出预算',
      );
    }
    console.log(failed ? `${failed} 项超出预算。` : '全部在预算内。');
    return failed ? 1 : 0;
  } finally {
    closeLedger(ledger);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
