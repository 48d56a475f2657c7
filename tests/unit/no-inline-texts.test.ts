import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every sentence a user reads lives in templates/texts/ (templates/README.md, "Texts"); code holds
 * keys. This scans the source for what a sentence in code looks like, comments left out: an
 * object with a `da` or `en` text (`{ da: '...', en: '...' }`), Danish letters in any string, and
 * a string with two or more everyday Danish words ("Datoen kan ikke ligge i fremtiden.").
 */
const root = path.join(import.meta.dirname, '..', '..');
const srcDir = path.join(root, 'src');

/**
 * Files whose Danish strings are data rather than texts of the interface, with why.
 * Keep this list short: a sentence a user reads belongs in the catalogue.
 */
const allowedFiles: Record<string, string> = {
  'src/demo/': 'the demo municipality: names, places and notes as caseworkers would type them',
  'src/plans/plan.sample.ts': "a sample plan's data (a youth's own words) for the benchmarks and examples",
};

/** Locale codes are the one kind of `da`/`en` string that is no sentence. */
const localeCode = /^[a-z]{2}(-[A-Z]{2})?$/;

/** Everyday Danish words that English strings (codes, log lines, SQL) do not use. */
const danishWords =
  /\b(ikke|skal|kan|findes|allerede|unge|ung|den|det|der|til|af|med|og|er|har|en|et|ved|fra|eller|som|du|dig|vi|mindst|angiv|vælg|skriv)\b/giu;

function looksDanish(text: string): boolean {
  if (/[æøåÆØÅ]/.test(text)) return true;
  const words = new Set(Array.from(text.matchAll(danishWords), (match) => match[0].toLowerCase()));
  return words.size >= 2;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

interface Finding {
  file: string;
  line: number;
  what: string;
}

function findingsIn(file: string): Finding[] {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (Object.keys(allowedFiles).some((allowed) => relative.startsWith(allowed))) return [];
  return findingsInSource(relative, readFileSync(file, 'utf8'));
}

function findingsInSource(relative: string, code: string): Finding[] {
  const source = ts.createSourceFile(relative, code, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const report = (node: ts.Node, what: string) =>
    findings.push({
      file: relative,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      what,
    });
  const isText = (node: ts.Node) =>
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      (node.name.text === 'da' || node.name.text === 'en') &&
      isText(node.initializer) &&
      !localeCode.test(node.initializer.getText(source).slice(1, -1))
    ) {
      report(node, `a ${node.name.text} text in code: ${node.initializer.getText(source).slice(0, 60)}`);
    }
    const pieces = ts.isTemplateExpression(node)
      ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]
      : ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? [node.text]
        : [];
    if (pieces.some(looksDanish)) {
      report(node, `Danish in code: ${node.getText(source).slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe('texts in the source', () => {
  it('holds no sentence a user reads: those are in templates/texts/', () => {
    const findings = sourceFiles(srcDir).flatMap(findingsIn);
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.what}`)).toEqual([]);
  });

  it('finds an inline text, Danish letters and Danish words, and passes keys, codes and comments', () => {
    const found = (code: string) => findingsInSource('probe.ts', code).length;
    expect(found(`const a = { da: 'Gem', en: 'Save' };`)).toBe(2);
    expect(found(`const b = 'Prøv igen';`)).toBe(1);
    expect(found('const c = `Datoen kan ikke ligge ${when}.`;')).toBe(1);
    expect(found(`// Prøv igen\nconst d = t('da', 'common.retry');`)).toBe(0);
    expect(found(`const e = { da: 'da-DK', en: 'en-GB' };`)).toBe(0);
    expect(found(`log.info('the sweep is done and the lock is released');`)).toBe(0);
  });
});
