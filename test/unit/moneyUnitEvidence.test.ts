import { describe, expect, it } from 'vitest';
import {
  contradictedUnit,
  countAgreements,
  inferMoneyUnit,
  ledgerAgreement,
  rowAgreement,
  unitInCell,
  type Agreement,
} from '../../electron/rules/moneyUnitEvidence';

/** 320 万元 (a farm subsidy) in 分. */
const FARM = 320_000_000;

describe('ledgerAgreement: a written amount against the ledger figure, within the rounding of what is written', () => {
  it.each([
    ['3,200,000.00', FARM, '元'],
    ['3200000', FARM, '元'],
    [3_200_000, FARM, '元'],
    ['320', FARM, '万元'],
    [320, FARM, '万元'],
    ['320.00', FARM, '万元'],
    // 4,801,234.00 元 in the ledger: a 万元 export rounds it to 480.12, which is still the same figure.
    ['480.12', 480_123_400, '万元'],
    ['480.1234', 480_123_400, '万元'],
    ['4,801,234.00', 480_123_400, '元'],
    // Half of the last written digit is the most rounding can explain: 0.005 万元 at two decimals.
    ['480.13', 480_123_400, 'neither'],
    ['4,801,234.01', 480_123_400, 'neither'],
    // A figure finer than 分 is rounded to 分 first.
    ['4801234.004', 480_123_400, '元'],
    ['4801234.006', 480_123_400, 'neither'],
    ['330', FARM, 'neither'],
    ['32000', FARM, 'neither'],
    ['１２３．４', 123_400_000, '万元'],
  ] as const)('%s against %d 分 → %s', (written, ledgerFen, agreement) => {
    expect(ledgerAgreement(written, ledgerFen)).toBe(agreement);
  });

  it.each([
    ['320', 0, 'a zero in the ledger proves nothing'],
    ['0', FARM, 'nor a zero in the file'],
    ['0.00', FARM, 'nor a zero written with decimals'],
    ['864.2万', 864_200_000, 'a unit in the cell says nothing about the column'],
    ['3200000元', FARM, 'in either unit'],
    ['三百二十万', FARM, 'text that is no amount'],
    ['-320', FARM, 'a negative amount'],
  ] as const)('%s against %d: null (%s)', (written, ledgerFen, _why) => {
    expect(ledgerAgreement(written, ledgerFen)).toBeNull();
  });

  it('tells a unit written in a cell', () => {
    expect([unitInCell('864.2万'), unitInCell(' 864.2 万元 '), unitInCell('1200元'), unitInCell('1200'), unitInCell(1200)]).toEqual([
      '万元',
      '万元',
      '元',
      null,
      null,
    ]);
  });
});

describe('rowAgreement: a row says a unit when its agreeing comparisons share it', () => {
  it.each([
    [['元', null], [], '元'],
    [['元', 'neither'], [], '元'], // 年初 agrees, 调整后 since adjusted
    [['neither', 'neither'], [], 'neither'],
    [['元', '万元'], [], 'neither'], // contradicts itself
    [[null, null], ['万元'], '万元'], // a 调整后预算数 equal to the 年初预算
    [[null, null], ['neither'], null], // an adjusted budget says nothing when it differs
    [['neither'], ['neither'], 'neither'],
    [[], [], null],
  ] as [(Agreement | null)[], (Agreement | null)[], Agreement | null][])('%j weak %j → %s', (strong, weak, row) => {
    expect(rowAgreement(strong, weak)).toBe(row);
  });
});

describe('inferMoneyUnit and contradictedUnit: every row for a unit, most rows against one', () => {
  const count = (...rows: (Agreement | null)[]) => countAgreements(rows);

  it.each([
    [count('元', '元', null), { unit: '元' }],
    [count('万元'), { unit: '万元' }],
    [count(null, null), { unit: null, why: 'none' }],
    [count(), { unit: null, why: 'none' }],
    [count('元', '元', '万元'), { unit: null, why: 'mixed' }],
    [count('元', '元', 'neither'), { unit: null, why: 'mixed' }],
    [count('neither'), { unit: null, why: 'mixed' }],
  ])('%j → %j', (c, inferred) => {
    expect(inferMoneyUnit(c)).toEqual(inferred);
  });

  it.each([
    ['万元', count('元', '元', '元'), true],
    ['万元', count('元', '元', 'neither'), true],
    ['万元', count('元', '万元'), false], // half is not most
    ['万元', count('元', 'neither'), false],
    ['元', count('万元', '万元', '元'), true],
    ['元', count('元', '元'), false],
    ['元', count(), false],
  ] as const)('%s against %j → %s', (unit, c, contradicted) => {
    expect(contradictedUnit(unit, c)).toBe(contradicted);
  });
});
