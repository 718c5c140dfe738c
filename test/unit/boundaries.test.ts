/**
 * Where code may run, checked on the import statements (after Signal Desktop's file-suffix lint):
 * - only the shell (electron/shell/) imports 'electron';
 * - the renderer uses no Node built-ins, no database and no service code except `import type`,
 *   directly or through anything it imports;
 * - the sandboxed preload's whole import graph needs nothing but 'electron' and bundled pure code;
 * - rules (electron/rules/) import only other rules and zod.
 * Import specifiers are read with the TypeScript parser (static imports and re-exports, `import()`,
 * `require()`, `import x = require()`), so comments and strings never count and `import type` is told
 * apart from a value import.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_FOLDERS = ['electron', 'renderer', 'db', 'scripts'];
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

const SHELL = 'electron/shell/';
/** The ledger's codes: constant arrays with no imports, shared by the schema, the rules and the contract. */
const VOCABULARY = 'db/vocabulary.ts';
const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
const DATABASE_PACKAGES = ['better-sqlite3', 'drizzle-orm', 'drizzle-kit'];

export interface ImportRef {
  specifier: string;
  /** Erased at compile time: `import type`, `export type`, all-`type` named imports, `import('x').T`. */
  typeOnly: boolean;
  line: number;
}

/** Every module a source file names, with whether the reference survives compilation. */
export function importsOf(source: string, fileName = 'file.ts'): ImportRef[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const refs: ImportRef[] = [];
  const add = (spec: ts.Expression | undefined, typeOnly: boolean, at: ts.Node) => {
    if (spec && ts.isStringLiteralLike(spec)) {
      refs.push({ specifier: spec.text, typeOnly, line: sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1 });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const allNamedAreTypes = !!clause && !clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, !!clause && (clause.isTypeOnly || allNamedAreTypes), node);
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)), node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, true, node);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isDynamicImport || isRequire) add(node.arguments[0], false, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return refs;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

/** Checks a set of files (repo-relative posix path → source). Pure, so the self-test can feed it fakes. */
export function checkBoundaries(files: ReadonlyMap<string, string>): Violation[] {
  const violations: Violation[] = [];
  const graph = new Map<string, (ImportRef & { target: string | null })[]>();
  for (const [file, source] of files) {
    graph.set(
      file,
      importsOf(source, file).map((ref) => ({ ...ref, target: resolveRelative(file, ref.specifier, files) })),
    );
  }

  for (const [file, refs] of graph) {
    for (const ref of refs) {
      const report = (rule: string) => violations.push({ file, line: ref.line, specifier: ref.specifier, rule });
      if (isElectron(ref.specifier) && !file.startsWith(SHELL)) report(`only the shell (${SHELL}) may import 'electron'`);

      if (file.startsWith('renderer/')) {
        const why = rendererForbidden(ref);
        if (why) report(`renderer: ${why}`);
      }

      if (file.startsWith('electron/rules/')) {
        const allowed = (ref.target?.startsWith('electron/rules/') ?? false) || ref.target === VOCABULARY || ref.specifier === 'zod';
        if (!allowed) report('rules import only other rules, zod and db/vocabulary.ts');
      }

      if (file === VOCABULARY) report('db/vocabulary.ts imports nothing (the rules and the renderer depend on it)');
    }
  }

  // What the renderer and the sandboxed preload pull in through their imports (value imports only:
  // type imports are erased and never reach the bundle).
  for (const [entry, label, allowedPackages] of [
    ...[...graph.keys()].filter((f) => f.startsWith('renderer/')).map((f) => [f, 'renderer', null] as const),
    ['electron/shell/preload.ts', 'preload', new Set(['electron', 'zod'])] as const,
  ]) {
    if (!graph.has(entry)) continue;
    for (const { via, ref } of reachable(entry, graph)) {
      if (label === 'renderer' && via === entry) continue; // already reported as a direct import
      const why = label === 'renderer' ? (bundleForbidden(ref) ?? outsideContract(ref)) : bundleForbidden(ref);
      if (why) violations.push({ file: entry, line: 0, specifier: ref.specifier, rule: `${label}: ${why} (through ${via})` });
    }
    if (allowedPackages) {
      for (const { via, ref } of reachable(entry, graph)) {
        const bare = ref.target === null && !ref.specifier.startsWith('.');
        if (bare && !isNodeBuiltin(ref.specifier) && !allowedPackages.has(packageName(ref.specifier))) {
          violations.push({
            file: entry,
            line: 0,
            specifier: ref.specifier,
            rule: `${label}: a sandboxed preload may only use 'electron' and bundled pure code (through ${via})`,
          });
        }
      }
    }
  }
  return dedupe(violations);
}

/** What no code bundled for a browser context (the renderer, the sandboxed preload) may reach. */
function bundleForbidden(ref: ImportRef & { target: string | null }): string | null {
  const spec = ref.specifier;
  if (isNodeBuiltin(spec)) return `no Node built-ins ('${spec}')`;
  if (DATABASE_PACKAGES.includes(packageName(spec))) return `no database packages ('${spec}')`;
  if (ref.target?.startsWith('db/') && ref.target !== VOCABULARY) return `nothing from db/ but its vocabulary ('${spec}')`;
  return null;
}

function rendererForbidden(ref: ImportRef & { target: string | null }): string | null {
  const bundle = bundleForbidden(ref);
  if (bundle) return bundle;
  const spec = ref.specifier;
  // The renderer's view of the main process is the contract (calls and result types) and the pure rules.
  const sharedWithRenderer = ref.target?.startsWith('electron/rules/') || ref.target === 'electron/bridge/contract.ts';
  if (ref.target?.startsWith('electron/') && !sharedWithRenderer) return `from electron/ only the contract and the rules ('${spec}')`;
  return null;
}

/** The modules the contract is made of (it is shared with the renderer), besides the pure rules. */
function isContractModule(target: string): boolean {
  return (
    target === 'electron/bridge/contract.ts' || target === 'electron/bridge/callSpec.ts' || target.startsWith('electron/bridge/calls/')
  );
}

function outsideContract(ref: ImportRef & { target: string | null }): string | null {
  const t = ref.target;
  if (!t?.startsWith('electron/') || t.startsWith('electron/rules/') || isContractModule(t)) return null;
  return `no main-process module ('${ref.specifier}')`;
}

function reachable(entry: string, graph: Map<string, (ImportRef & { target: string | null })[]>) {
  const out: { via: string; ref: ImportRef & { target: string | null } }[] = [];
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const ref of graph.get(file) ?? []) {
      if (ref.typeOnly) continue;
      out.push({ via: file, ref });
      if (ref.target && !seen.has(ref.target)) {
        seen.add(ref.target);
        queue.push(ref.target);
      }
    }
  }
  return out;
}

function resolveRelative(from: string, specifier: string, files: ReadonlyMap<string, string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [base, ...SOURCE_EXTENSIONS.map((e) => base + e), ...SOURCE_EXTENSIONS.map((e) => `${base}/index${e}`)];
  return candidates.find((c) => files.has(c)) ?? base; // unresolved (e.g. a .css file): keep the path for the folder rules
}

function isElectron(spec: string): boolean {
  return spec === 'electron' || spec.startsWith('electron/');
}

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]!);
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * Groups of files that import each other in a circle (value imports; erased type imports cannot
 * create a load-order problem). Tarjan's strongly connected components, each given in path order.
 */
export function importCycles(files: ReadonlyMap<string, string>): string[][] {
  const edges = new Map<string, string[]>();
  for (const [file, source] of files) {
    const targets = importsOf(source, file)
      .filter((ref) => !ref.typeOnly)
      .map((ref) => resolveRelative(file, ref.specifier, files))
      .filter((t): t is string => t !== null && files.has(t));
    edges.set(file, targets);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const file of edges.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.file}|${v.line}|${v.specifier}|${v.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(rel);
      } else if (SOURCE_EXTENSIONS.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith('.d.ts')) {
        files.set(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'));
      }
    }
  };
  for (const folder of SOURCE_FOLDERS) if (fs.existsSync(path.join(ROOT, folder))) walk(folder);
  return files;
}

const describeViolations = (vs: Violation[]) => vs.map((v) => `${v.file}:${v.line} imports '${v.specifier}' — ${v.rule}`).join('\n');

describe('the import scanner (self-test on synthetic sources)', () => {
  it('finds static, side-effect, re-export, dynamic, require and import-equals references, and only those', () => {
    const source = [
      `import fs from 'node:fs';`,
      `import type { Ledger } from '../db/open';`,
      `import { type A, type B } from './types';`,
      `import { type C, d } from './mixed';`,
      `import './side-effect.css';`,
      `export * from './rexport';`,
      `export type { E } from './typeExport';`,
      `const x = await import('./lazy');`,
      `const y = require('child_process');`,
      `import z = require('os');`,
      `type T = import('./typeQuery').T;`,
      `// import nope from 'commented-out';`,
      `const s = "import('not-real')"; /* require('nor-this') */`,
      `const t = \`require('nor-template')\`;`,
    ].join('\n');
    expect(importsOf(source).map((r) => [r.specifier, r.typeOnly])).toEqual([
      ['node:fs', false],
      ['../db/open', true],
      ['./types', true],
      ['./mixed', false],
      ['./side-effect.css', false],
      ['./rexport', false],
      ['./typeExport', true],
      ['./lazy', false],
      ['child_process', false],
      ['os', false],
      ['./typeQuery', true],
    ]);
  });

  it('reports each kind of violation and passes clean code', () => {
    const repo = new Map<string, string>([
      ['electron/services/units.ts', `import { app } from 'electron';\nimport Database from 'better-sqlite3';`],
      ['electron/shell/main.ts', `import { app } from 'electron';`],
      ['electron/rules/money.ts', `import { z } from 'zod';\nimport { x } from './labels';`],
      ['electron/rules/labels.ts', `export const x = 1;`],
      [
        'electron/rules/bad.ts',
        `import fs from 'node:fs';\nimport { openLedger } from '../../db/open';\nimport { listUnits } from '../services/units';\nimport dayjs from 'dayjs';`,
      ],
      ['db/open.ts', `import Database from 'better-sqlite3';`],
      ['electron/bridge/contract.ts', `import { z } from 'zod';`],
      [
        'renderer/ok.tsx',
        `import type { UnitRow } from '../electron/bridge/contract';\nimport { x } from '../electron/rules/labels';\nimport { Button } from '@mantine/core';`,
      ],
      [
        'renderer/direct.tsx',
        `import path from 'path';\nconst cp = require('node:child_process');\nimport { openLedger } from '../db/open';\nimport { listUnits } from '../electron/services/units';\nimport Database from 'better-sqlite3';\nimport { eq } from 'drizzle-orm/sql';\nimport { ipcRenderer } from 'electron';`,
      ],
      ['renderer/typeFromService.ts', `import type { UnitRow } from '../electron/services/units';`],
      ['renderer/indirect.ts', `import { helper } from '../electron/helper';`],
      ['electron/helper.ts', `import os from 'node:os';\nexport const helper = os.EOL;`],
      [
        'electron/shell/preload.ts',
        `import { contextBridge } from 'electron';\nimport { helper } from '../helper';\nimport { z } from 'zod';`,
      ],
    ]);
    const found = checkBoundaries(repo);
    const by = (file: string) => found.filter((v) => v.file === file && v.line > 0).map((v) => v.specifier);
    const through = (file: string) => found.filter((v) => v.file === file && v.line === 0).map((v) => v.specifier);

    expect(by('electron/shell/main.ts')).toEqual([]);
    expect(by('electron/services/units.ts')).toEqual(['electron']);
    expect(by('db/open.ts')).toEqual([]);
    expect(by('electron/rules/money.ts')).toEqual([]);
    expect(by('electron/rules/labels.ts')).toEqual([]);
    expect(by('electron/rules/bad.ts')).toEqual(['node:fs', '../../db/open', '../services/units', 'dayjs']);
    expect(by('renderer/ok.tsx')).toEqual([]);
    expect(by('renderer/typeFromService.ts')).toEqual(['../electron/services/units']);
    expect(by('renderer/direct.tsx')).toEqual([
      'path',
      'node:child_process',
      '../db/open',
      '../electron/services/units',
      'better-sqlite3',
      'drizzle-orm/sql',
      'electron',
    ]);
    expect(through('renderer/direct.tsx')).toEqual(['better-sqlite3', 'better-sqlite3']); // via db/open.ts, via services/units.ts
    expect(by('renderer/indirect.ts')).toEqual(['../electron/helper']);
    expect(through('renderer/indirect.ts')).toEqual(['node:os']);
    expect(through('electron/shell/preload.ts')).toEqual(['node:os']);
    expect(through('renderer/ok.tsx')).toEqual([]);
  });
});

describe('the cycle finder (self-test)', () => {
  it('finds a circle through value imports, and ignores one closed only by a type import', () => {
    const repo = new Map<string, string>([
      ['electron/ledger/years.ts', `import { createDefaultRounds } from '../monitoring/monitoringRounds';`],
      ['electron/monitoring/monitoringRounds.ts', `import { ruleSetOf } from '../ledger/years';`],
      ['electron/a.ts', `import type { B } from './b';`],
      ['electron/b.ts', `import { a } from './a';`],
    ]);
    expect(importCycles(repo)).toEqual([['electron/ledger/years.ts', 'electron/monitoring/monitoringRounds.ts']]);
  });
});

describe('the code base', () => {
  const files = sourceFiles();

  it('has the files the rules talk about', () => {
    expect(files.has('electron/shell/main.ts')).toBe(true);
    expect(files.has('electron/shell/preload.ts')).toBe(true);
    expect([...files.keys()].some((f) => f.startsWith('electron/rules/'))).toBe(true);
  });

  it('keeps every module where it may run', () => {
    const violations = checkBoundaries(files);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(importCycles(files)).toEqual([]);
  });
});
