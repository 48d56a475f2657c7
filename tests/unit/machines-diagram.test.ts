import { readFile } from 'node:fs/promises';
import { describe, it, expect } from 'vitest';
import { createMachine } from 'xstate';
import { eventTypes } from '../../machines/events.ts';
import { stages } from '../../machines/journey.ts';
import { README_PATH, renderDiagram, renderEventTable, renderReadme } from '../../scripts/machines-diagram.ts';

describe('machines/README.md', () => {
  it('holds the diagram and event table generated from the current machine', async () => {
    const current = await readFile(README_PATH, 'utf8');
    // On failure: run `npm run machines:diagram` and commit the README.
    expect(await renderReadme(current)).toBe(current);
  });
});

describe('the generated diagram', () => {
  it('draws every stage', () => {
    const diagram = renderDiagram();
    for (const stage of stages) expect(diagram).toMatch(new RegExp(`^\\s*${stage}\\b`, 'm'));
  });

  it('labels an arrow with every event type', () => {
    const diagram = renderDiagram();
    for (const type of eventTypes) expect(diagram).toMatch(new RegExp(` : ${type}\\b`));
  });

  it('draws the guard of a guarded arrow', () => {
    expect(renderDiagram()).toContain('placed --> between : PLACEMENT_ENDED [isCurrentPlacement]');
  });

  it('is drawn from the definition it is given', () => {
    const tiny = createMachine({
      id: 'tiny',
      initial: 'a',
      states: { a: { on: { GO: 'b' } }, b: { type: 'final' } },
    });
    expect(renderDiagram(tiny.root)).toBe(
      [
        '```mermaid',
        'stateDiagram-v2',
        '    [*] --> a',
        '    a',
        '    b',
        '    b --> [*]',
        '    a --> b : GO',
        '```',
      ].join('\n'),
    );
  });
});

describe('the generated event table', () => {
  it('has one row per event type', () => {
    const rows = renderEventTable()
      .split('\n')
      .filter((line) => line.startsWith('| `'));
    expect(rows.map((r) => /^\| `([A-Z_]+)`/.exec(r)?.[1])).toEqual([...eventTypes]);
  });

  it('lists where an event is accepted and the types of its payload fields', () => {
    const row = renderEventTable()
      .split('\n')
      .find((line) => line.startsWith('| `PLACEMENT_ENDED`'));
    expect(row).toContain('`active.placement.placed`');
    expect(row).toContain('`placementId`: id (uuid)');
    expect(row).toContain('`reason` (optional)');
  });
});
