import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 17, "words at the edge": lib/domain and the feature modules return codes with
 * parameters; only the catalogue (lib/messages/zh-CN) and the pages hold Chinese. Comments
 * may explain in Chinese (they quote SPEC's labels); code may not.
 */
const root = path.resolve(import.meta.dirname, '../..');
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

/** The literals and names (comments are not nodes) that hold a CJK character, with their line. */
function wordsInCode(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (node.getChildCount(source) === 0 || ts.isLiteralExpression(node) || ts.isTemplateLiteralToken(node)) {
      const value = node.getText(source);
      if (CJK.test(value)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${value.slice(0, 60)}`);
      return;
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

describe('words at the edge', () => {
  it('lib/domain and lib/features hold no Chinese outside comments', () => {
    const files = [...sourceFiles('lib/domain'), ...sourceFiles('lib/features')];

    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(wordsInCode)).toEqual([]);
    // It parses every file (≈ 2 s alone): on 2 shared cores under the whole unit run it took 6.7 s.
  }, 30_000);
});
