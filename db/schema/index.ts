/**
 * The ledger's tables, one file per area in this folder, merged here for drizzle and for every query.
 * Money is integer 分 (fen) everywhere; coded columns take their codes from db/vocabulary.ts (their
 * zh-CN words live in the rules). Migrations are generated from this folder by drizzle-kit
 * (npm run db:generate) and only ever add.
 */
export * from './ledger';
export * from './projects';
export * from './indicators';
export * from './targets';
export * from './exAnte';
export * from './monitoring';
export * from './rectification';
export * from './keyEvaluations';
export * from './selfEvaluations';
export * from './resultApplication';
export * from './departmentSelfEvaluations';
export * from './reports';
export * from './accounts';
