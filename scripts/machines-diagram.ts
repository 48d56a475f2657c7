/**
 * Writes the journey statechart's Mermaid diagram and event table into machines/README.md,
 * generated from `journeyMachine` and the event schemas so the documentation cannot drift from
 * the definition (STYLE.md: machines/ is what a domain expert reads and changes).
 *
 *   npx tsx scripts/machines-diagram.ts          rewrite the generated blocks
 *   npx tsx scripts/machines-diagram.ts --check  exit 1 if the README is out of date
 *
 * The whole README is passed through prettier with the project's settings, so `npm run format`
 * and this script agree on every byte.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { z } from 'zod';
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { eventEnvelope, eventPayloadSchemas, eventTypes } from '../machines/events.ts';
import type { JourneyEventType } from '../machines/events.ts';
import { journeyMachine } from '../machines/journey.ts';

export const README_PATH = fileURLToPath(new URL('../machines/README.md', import.meta.url));
const IGNORE_PATH = fileURLToPath(new URL('../.prettierignore', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Walking the machine
// ---------------------------------------------------------------------------------------------

/** Child states in document order; history pseudo-states are not drawn as states. */
function childStates(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states as Record<string, AnyStateNode>).filter((child) => child.type !== 'history');
}

function allStates(node: AnyStateNode): AnyStateNode[] {
  return childStates(node).flatMap((child) => [child, ...allStates(child)]);
}

/** Transitions defined on a node, in the order they appear in its `on` block. */
function transitionsOf(node: AnyStateNode): AnyTransitionDefinition[] {
  return [...node.transitions.values()].flat();
}

function dottedPath(node: AnyStateNode): string {
  return node.path.join('.');
}

/** A history target is drawn as an arrow into the state whose history it remembers. */
function drawnTarget(target: AnyStateNode): AnyStateNode {
  return target.type === 'history' && target.parent ? target.parent : target;
}

function guardLabel(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String(guard.type);
  if (typeof guard === 'function') {
    // xstate's and()/or()/not() return functions of those names that carry their operands.
    const operands = (guard as { guards?: unknown[] }).guards;
    if (Array.isArray(operands)) {
      const parts = operands.map(guardLabel);
      switch (guard.name) {
        case 'and':
          return parts.join(' and ');
        case 'or':
          return `(${parts.join(' or ')})`;
        case 'not':
          return `not ${parts.join(', ')}`;
        default:
          return parts.join(', ');
      }
    }
    return guard.name || 'inline guard';
  }
  return '';
}

function transitionLabel(t: AnyTransitionDefinition): string {
  const guard = t.guard === undefined ? '' : ` [${guardLabel(t.guard)}]`;
  const toHistory = (t.target ?? []).some((n) => n.type === 'history') ? ' (deep history: back where it was)' : '';
  return `${t.eventType}${guard}${toHistory}`;
}

// ---------------------------------------------------------------------------------------------
// Mermaid
// ---------------------------------------------------------------------------------------------

/**
 * Mermaid ids are global to a diagram and composite states cannot carry a separate label, so a
 * state's id is its own name where that is unique in the machine, else its path.
 */
function mermaidIds(root: AnyStateNode): Map<AnyStateNode, string> {
  const states = allStates(root);
  const counts = new Map<string, number>();
  for (const s of states) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  return new Map(states.map((s) => [s, counts.get(s.key) === 1 ? s.key : s.path.join('_')] as const));
}

function ancestors(node: AnyStateNode): AnyStateNode[] {
  const chain: AnyStateNode[] = [];
  for (let n: AnyStateNode | undefined = node.parent; n; n = n.parent) chain.push(n);
  return chain;
}

/** The innermost state containing both ends of an arrow: the block the arrow is written in. */
function arrowOwner(source: AnyStateNode, target: AnyStateNode): AnyStateNode {
  if (source === target) return source.parent ?? source;
  const sourceChain = new Set([source, ...ancestors(source)]);
  for (const n of [target, ...ancestors(target)]) {
    if (sourceChain.has(n) && n !== source && n !== target) return n;
  }
  // One end contains the other: the arrow belongs to the outer one's parent.
  const outer = sourceChain.has(target) ? target : source;
  return outer.parent ?? outer;
}

/** Renders the `stateDiagram-v2` of the machine, inside a fenced code block. */
export function renderDiagram(root: AnyStateNode = journeyMachine.root): string {
  const ids = mermaidIds(root);
  const idOf = (node: AnyStateNode): string => ids.get(node) ?? node.key;

  const arrowsByOwner = new Map<AnyStateNode, string[]>();
  for (const source of allStates(root)) {
    for (const t of transitionsOf(source)) {
      const targets = t.target?.map(drawnTarget) ?? [source];
      for (const target of targets) {
        const owner = arrowOwner(source, target);
        const arrows = arrowsByOwner.get(owner) ?? [];
        arrows.push(`${idOf(source)} --> ${idOf(target)} : ${transitionLabel(t)}`);
        arrowsByOwner.set(owner, arrows);
      }
    }
  }

  const lines: string[] = [];
  const write = (depth: number, text: string): void => {
    lines.push(`${'    '.repeat(depth)}${text}`);
  };

  const body = (node: AnyStateNode, depth: number): void => {
    const children = childStates(node);
    if (node.type === 'parallel') {
      children.forEach((region, i) => {
        if (i > 0) write(depth, '--');
        block(region, depth);
      });
    } else {
      const initial = node.initial.target[0];
      if (initial) write(depth, `[*] --> ${idOf(initial)}`);
      for (const child of children) block(child, depth);
      for (const child of children) {
        if (child.type === 'final') write(depth, `${idOf(child)} --> [*]`);
      }
    }
    for (const arrow of arrowsByOwner.get(node) ?? []) write(depth, arrow);
  };

  const block = (node: AnyStateNode, depth: number): void => {
    const id = idOf(node);
    if (childStates(node).length > 0) {
      write(depth, `state ${id} {`);
      body(node, depth + 1);
      write(depth, '}');
    } else if (id !== node.key) {
      write(depth, `state "${node.key}" as ${id}`);
    } else {
      write(depth, id);
    }
  };

  write(0, 'stateDiagram-v2');
  body(root, 1);
  return ['```mermaid', ...lines, '```'].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Event table
// ---------------------------------------------------------------------------------------------

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

interface JsonSchema {
  type?: JsonType;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

const code = (value: unknown): string => `\`${String(value)}\``;

function describeType(s: JsonSchema): string {
  if (s.enum) return `one of ${s.enum.map(code).join(', ')}`;
  if (s.const !== undefined) return code(s.const);
  switch (s.type) {
    case 'string': {
      if (s.format === 'uuid') return 'id (uuid)';
      if (s.format === 'date-time') return 'date and time (ISO 8601, with offset)';
      if (s.format === 'date') return 'date (YYYY-MM-DD)';
      return s.maxLength === undefined ? 'text' : `text, at most ${s.maxLength} characters`;
    }
    case 'number':
    case 'integer': {
      const kind = s.type === 'integer' ? 'whole number' : 'number';
      if (s.minimum !== undefined && s.maximum !== undefined) {
        return `${kind}, ${s.minimum} to ${s.maximum}`;
      }
      return kind;
    }
    case 'boolean':
      return 'true or false';
    case 'array':
      return `list, each ${s.items ? describeType(s.items) : 'value'}`;
    case 'object':
      return 'object';
    case 'null':
      return 'nothing';
    case undefined:
      return 'any value';
    default: {
      const unhandled: never = s.type;
      throw new Error(`Unknown JSON schema type: ${String(unhandled)}`);
    }
  }
}

/** One line per field, nested objects flattened to dotted names. */
function describeFields(schema: JsonSchema, prefix = ''): string[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const label = `${code(prefix + name)}${required.has(name) ? '' : ' (optional)'}`;
    if (field.type === 'object' && field.properties) {
      return [label, ...describeFields(field, `${prefix}${name}.`)];
    }
    return [`${label}: ${describeType(field)}`];
  });
}

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema) as JsonSchema;
}

/** A transition without a target records something and stays in the same state. */
const STAYS = 'stays where it is';

interface EventUse {
  from: string[];
  to: string[];
}

function eventUses(root: AnyStateNode): Map<string, EventUse> {
  const uses = new Map<string, EventUse>();
  for (const source of allStates(root)) {
    for (const t of transitionsOf(source)) {
      const eventType = String(t.eventType);
      const use = uses.get(eventType) ?? { from: [], to: [] };
      const from = dottedPath(source);
      if (!use.from.includes(from)) use.from.push(from);
      const targets = t.target?.map((n) => code(dottedPath(drawnTarget(n)))) ?? [STAYS];
      for (const to of targets) if (!use.to.includes(to)) use.to.push(to);
      uses.set(eventType, use);
    }
  }
  return uses;
}

/** Renders the table of events: where each is accepted, where it leads, and what it carries. */
export function renderEventTable(root: AnyStateNode = journeyMachine.root): string {
  const uses = eventUses(root);
  const envelope = describeFields(jsonSchemaOf(eventEnvelope)).join('; ');
  const rows = eventTypes.map((type: JourneyEventType) => {
    const use = uses.get(type) ?? { from: [], to: [] };
    const payload = describeFields(jsonSchemaOf(eventPayloadSchemas[type]));
    return [
      code(type),
      use.from.length > 0 ? use.from.map(code).join(', ') : 'nowhere',
      use.to.join(', '),
      payload.length > 0 ? payload.join('<br>') : '(nothing else)',
    ];
  });
  return [
    `Every event also carries ${envelope}.`,
    '',
    '| Event | Accepted in | Leads to | Payload |',
    '| --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// README
// ---------------------------------------------------------------------------------------------

function replaceBlock(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    throw new Error(`machines/README.md needs the markers ${start} and ${end}, in that order`);
  }
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

async function formatted(text: string): Promise<string> {
  const info = await prettier.getFileInfo(README_PATH, { ignorePath: IGNORE_PATH });
  if (info.ignored) return text;
  const options = (await prettier.resolveConfig(README_PATH)) ?? {};
  return prettier.format(text, { ...options, filepath: README_PATH });
}

/** The README with both generated blocks rewritten from the current machine and schemas. */
export async function renderReadme(current: string): Promise<string> {
  const withDiagram = replaceBlock(current, 'diagram', renderDiagram());
  return formatted(replaceBlock(withDiagram, 'events', renderEventTable()));
}

async function main(args: readonly string[]): Promise<number> {
  const current = await readFile(README_PATH, 'utf8');
  const next = await renderReadme(current);
  if (args.includes('--check')) {
    if (next !== current) {
      console.error('machines/README.md is out of date: run npm run machines:diagram');
      return 1;
    }
    return 0;
  }
  if (next !== current) await writeFile(README_PATH, next);
  return 0;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  process.exitCode = await main(process.argv.slice(2));
}
