// How many report charts a page draws, read from its source: the calls in its ```js blocks to
// component functions that end in chartFigure (the one maker of figure.report-chart). The
// tests compare that count with the charts found in the browser, so no page declares a count.
// `chartEmbed("name", …)` counts as the chart its registry entry draws: one, or none for a table.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { EMBEDDABLE_CHART_NAMES } from "../../src/lib/chartNames.ts";
import { projectRoot } from "./tempProject.ts";

const componentsDir = join(projectRoot, "src/components");
const chartFigureDecl = `${join(componentsDir, "chartFigure.ts")}#chartFigure`;
const chartEmbedDecl = `${join(componentsDir, "chartEmbed.ts")}#chartEmbed`;

/** A local module path as written ("./x.js") resolved to its TypeScript file. */
const resolveModule = (fromFile: string, specifier: string) => resolve(dirname(fromFile), specifier).replace(/\.js$/, ".ts");

const parse = (file: string, text: string, kind = ts.ScriptKind.TS) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);

/** Imported value bindings by local name: `import { a as b } from "./m.js"` gives b -> m.ts#a. */
function localImports(source: ts.SourceFile, fromFile: string, accept: (specifier: string) => boolean): Map<string, string> {
  const imports = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const bindings = statement.importClause?.namedBindings;
    if (!accept(specifier) || statement.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      imports.set(element.name.text, `${resolveModule(fromFile, specifier)}#${(element.propertyName ?? element.name).text}`);
    }
  }
  return imports;
}

/** Identifiers a declaration refers to, leaving out property names (`a.b`, `{ b: … }`). */
function referencedNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (child: ts.Node) => {
    if (ts.isIdentifier(child)) {
      const parent = child.parent;
      const propertyName = (ts.isPropertyAccessExpression(parent) && parent.name === child) || (ts.isPropertyAssignment(parent) && parent.name === child);
      if (!propertyName) names.add(child.text);
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return names;
}

interface ModuleGraph {
  /** module.ts#name -> the declarations (module.ts#name) it refers to. */
  references: Map<string, Set<string>>;
  /** module.ts#exported -> module.ts#local (or another module's declaration, for re-exports). */
  exports: Map<string, string>;
}

function componentGraph(): ModuleGraph {
  const references = new Map<string, Set<string>>();
  const exports = new Map<string, string>();
  const files = readdirSync(componentsDir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts"));
  for (const name of files) {
    const file = join(componentsDir, name);
    const source = parse(file, readFileSync(file, "utf8"));
    const imports = localImports(source, file, (specifier) => specifier.startsWith("."));
    const declarations = new Map<string, ts.Node>();
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
      if (ts.isFunctionDeclaration(statement) && statement.name) {
        declarations.set(statement.name.text, statement);
        if (exported) exports.set(`${file}#${statement.name.text}`, `${file}#${statement.name.text}`);
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name)) continue;
          declarations.set(declaration.name.text, declaration);
          if (exported) exports.set(`${file}#${declaration.name.text}`, `${file}#${declaration.name.text}`);
        }
      } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause) && !statement.isTypeOnly) {
        const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? resolveModule(file, statement.moduleSpecifier.text) : null;
        for (const element of statement.exportClause.elements) {
          const local = (element.propertyName ?? element.name).text;
          exports.set(`${file}#${element.name.text}`, from ? `${from}#${local}` : (imports.get(local) ?? `${file}#${local}`));
        }
      }
    }
    for (const [local, node] of declarations) {
      const targets = new Set<string>();
      for (const referenced of referencedNames(node)) {
        if (referenced !== local && declarations.has(referenced)) targets.add(`${file}#${referenced}`);
        else if (imports.has(referenced)) targets.add(imports.get(referenced)!);
      }
      references.set(`${file}#${local}`, targets);
    }
  }
  return { references, exports };
}

/** Every component declaration whose call draws a report chart: chartFigure and all that reach it. */
function chartDrawers({ references, exports }: ModuleGraph): Set<string> {
  const target = (key: string) => {
    const seen = new Set<string>();
    while (exports.has(key) && exports.get(key) !== key && !seen.has(key)) {
      seen.add(key);
      key = exports.get(key)!;
    }
    return key;
  };
  // chartEmbed loads its charts' modules by name (registry.ts), out of this graph's sight.
  const drawers = new Set([chartFigureDecl, chartEmbedDecl]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [key, targets] of references) {
      if (!drawers.has(key) && [...targets].some((reference) => drawers.has(target(reference)))) {
        drawers.add(key);
        grew = true;
      }
    }
  }
  return new Set([...exports.keys()].filter((key) => drawers.has(target(key))));
}

let drawers: Set<string> | null = null;

/** The declaration behind each name chartEmbed draws: `<name>Embed` of src/components/embeds/<name>.ts. */
function registryEntries(): Map<string, string> {
  return new Map(EMBEDDABLE_CHART_NAMES.map((chart) => [chart, `${join(componentsDir, "embeds", `${chart}.ts`)}#${chart}Embed`]));
}

let embeds: Map<string, string> | null = null;

/** How many report charts one call draws: one, or for chartEmbed("name", …) as many as that registry entry draws. */
function chartsOfCall(call: ts.CallExpression, key: string, where: string): number {
  if (key !== chartEmbedDecl) return 1;
  const [name] = call.arguments;
  if (!name || !ts.isStringLiteral(name)) throw new Error(`${where}: chartEmbed's chart name must be a string literal for the tests to count what it draws`);
  embeds ??= registryEntries();
  const entry = embeds.get(name.text);
  if (entry === undefined) throw new Error(`${where}: chartEmbed("${name.text}") names no chart of src/lib/chartNames.ts`);
  return drawers!.has(entry) ? 1 : 0;
}

/** The charts a page draws: `min` for sure, `max` counting those drawn only under a condition. */
export interface ChartCount {
  min: number;
  max: number;
}

/** The ```js blocks Framework runs (not `run=false`), with the line each starts on. */
function codeBlocks(markdown: string): { code: string; line: number }[] {
  const blocks: { code: string; line: number }[] = [];
  for (const match of markdown.matchAll(/^```js\b([^\n]*)\n([\s\S]*?)^```/gm)) {
    if (/\brun=false\b/.test(match[1]!)) continue;
    blocks.push({ code: match[2]!, line: markdown.slice(0, match.index).split("\n").length + 1 });
  }
  return blocks;
}

const isFunction = (node: ts.Node) => ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node);
const isLoop = (node: ts.Node) => ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node);

/** `resize((width) => chart(…))`: the function Framework's resize calls to draw one chart. */
const isResizeCallback = (node: ts.Node) => ts.isCallExpression(node.parent) && ts.isIdentifier(node.parent.expression) && node.parent.expression.text === "resize";

/** Whether a chart call runs only under a condition; throws when the count cannot be read statically. */
function isConditional(call: ts.CallExpression, where: string): boolean {
  let conditional = false;
  for (let node: ts.Node = call; !ts.isSourceFile(node.parent); node = node.parent) {
    const parent = node.parent;
    if (ts.isIfStatement(parent) && node !== parent.expression) conditional = true;
    if (ts.isConditionalExpression(parent) && node !== parent.condition) conditional = true;
    if (ts.isBinaryExpression(parent) && node === parent.right && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) conditional = true;
    if (isLoop(parent) || (isFunction(parent) && !isResizeCallback(parent))) {
      throw new Error(`${where}: a chart drawn in a loop or a helper function cannot be counted from the source; call the chart in its own display(…) so the tests can count it`);
    }
  }
  return conditional;
}

/** Counts the report charts a page's source draws (see the top of this file). */
export function chartsInSource(markdown: string, file: string): ChartCount {
  drawers ??= chartDrawers(componentGraph());
  const pageFile = join(projectRoot, file);
  const blocks = codeBlocks(markdown).map((block) => ({ ...block, source: parse(pageFile, block.code, ts.ScriptKind.JS) }));
  // Framework shares a page's imports across its blocks.
  const charts = new Map<string, string>();
  for (const { source } of blocks) {
    for (const [local, key] of localImports(source, pageFile, (specifier) => specifier.includes("components/"))) {
      if (drawers.has(key)) charts.set(local, key);
    }
  }
  const count = { min: 0, max: 0 };
  for (const { source, line } of blocks) {
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && charts.has(node.expression.text)) {
        const where = `${file}:${line + source.getLineAndCharacterOfPosition(node.getStart()).line}`;
        const drawn = chartsOfCall(node, charts.get(node.expression.text)!, where);
        count.max += drawn;
        if (!isConditional(node, where)) count.min += drawn;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return count;
}
