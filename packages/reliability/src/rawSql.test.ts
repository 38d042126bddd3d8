import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './harness/workspace';

/** Knex methods that take SQL text. */
const RAW_METHODS = new Set([
  'raw',
  'whereRaw',
  'orWhereRaw',
  'andWhereRaw',
  'havingRaw',
  'orHavingRaw',
  'orderByRaw',
  'groupByRaw',
  'joinRaw',
  'onRaw',
]);

/**
 * Values spliced into SQL text that have been read and found to be built
 * from constants and `?` placeholders only (the input goes in bindings).
 * A new splice fails the test until it is reviewed and listed here.
 */
const REVIEWED: Record<string, string> = {
  'plugins/assignments-backend/src/database/DatabaseAssignmentStore.ts score.sql':
    'suitabilityScore(): CASE expressions of constant columns and points, values as ? bindings',
  "plugins/assignments-backend/src/database/DatabaseAssignmentStore.ts keys.join(', ')":
    'the constant sort columns of the keyset cursor (values as ? bindings)',
  "plugins/assignments-backend/src/database/DatabaseAssignmentStore.ts keys.map(() => '?').join(', ')":
    'one ? placeholder per sort column',
  'plugins/peer-directory-backend/src/database/DatabaseProfileStore.ts rankSql':
    'constant CASE/LIKE text, one ? per search term, terms in rankBindings',
  'plugins/evaluation-backend/src/database/DatabaseEvaluationStore.ts TOTAL':
    "the constant '*' that stands for all of a breakdown",
  'plugins/portal-node/src/storeBenchmark.ts name':
    'the benchmark database name, from a constant prefix with \\W replaced (never input)',
};

function sourceFiles(): string[] {
  const out: string[] = [];
  for (const plugin of fs.readdirSync(path.join(REPO_ROOT, 'plugins'))) {
    const src = path.join(REPO_ROOT, 'plugins', plugin, 'src');
    if (!fs.existsSync(src)) continue;
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
          out.push(full);
        }
      }
    };
    walk(src);
  }
  return out;
}

/** The pieces of an SQL argument that are not constant text. */
function splices(node: ts.Expression, file: ts.SourceFile): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return [];
  }
  if (ts.isParenthesizedExpression(node)) return splices(node.expression, file);
  if (ts.isConditionalExpression(node)) {
    return [...splices(node.whenTrue, file), ...splices(node.whenFalse, file)];
  }
  if (ts.isTemplateExpression(node)) {
    return node.templateSpans.flatMap(span =>
      splices(span.expression, file).length ||
      !ts.isStringLiteral(span.expression)
        ? [span.expression.getText(file)]
        : [],
    );
  }
  return [node.getText(file)];
}

describe('SQL text', () => {
  it('is never built from input: every value spliced into knex raw SQL is reviewed', () => {
    const found: string[] = [];
    const unreviewed: string[] = [];
    for (const full of sourceFiles()) {
      const text = fs.readFileSync(full, 'utf8');
      if (!/Raw\(|\.raw\(/.test(text)) continue;
      const rel = path.relative(REPO_ROOT, full);
      const file = ts.createSourceFile(
        full,
        text,
        ts.ScriptTarget.Latest,
        true,
      );
      const visit = (node: ts.Node) => {
        if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          RAW_METHODS.has(node.expression.name.text) &&
          node.arguments.length
        ) {
          for (const piece of splices(node.arguments[0], file)) {
            const key = `${rel} ${piece}`;
            found.push(key);
            if (!REVIEWED[key]) {
              const { line } = file.getLineAndCharacterOfPosition(
                node.getStart(),
              );
              unreviewed.push(`${rel}:${line + 1}: ${piece}`);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    expect(unreviewed).toEqual([]);
    // Every reviewed entry is still in use (remove it when the code goes).
    expect(Object.keys(REVIEWED).filter(k => !found.includes(k))).toEqual([]);
  });
});
