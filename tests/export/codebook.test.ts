import { describe, expect, it } from 'vitest';
import { codebookCsv, codebookMarkdown } from '../../core/export/codebook';
import { ALL_COLUMNS, REQUIRED_COLUMNS } from '../../core/export/columns';
import { Pseudonymiser } from '../../core/export/pseudonymise';
import { parseCsvObjects } from './helpers';

const collection = {
  name: 'Landtagswahl | Sample',
  notes: 'Feeds von @partei_1 und @partei_2.\nCode-Beispiel: ```x```',
  startedAt: Date.UTC(2025, 8, 1),
  stoppedAt: Date.UTC(2025, 8, 30),
};

function tableColumns(md: string): string[] {
  return [...md.matchAll(/^\| `([a-z_]+)`/gm)].map((m) => m[1]!);
}

describe('codebook', () => {
  it('lists exactly the selected columns (4CAT ones always), in CSV order', async () => {
    const md = await codebookMarkdown({
      columns: ['likes', 'likes_approx', 'seen_first'],
      collection,
      pseudonymisation: 'none',
      snapshot: 'last',
      generatedAt: Date.UTC(2025, 9, 1),
    });
    expect(tableColumns(md)).toEqual([...REQUIRED_COLUMNS, 'likes', 'likes_approx', 'seen_first']);
    expect(
      tableColumns(
        await codebookMarkdown({ collection, pseudonymisation: 'none', snapshot: 'first', generatedAt: 0 }),
      ),
    ).toEqual([...ALL_COLUMNS]);
  });

  it('explains how counts were read, the unit and the denominator', async () => {
    const md = await codebookMarkdown({
      columns: ['likes', 'likes_approx'],
      collection,
      pseudonymisation: 'none',
      snapshot: 'history',
      generatedAt: 0,
    });
    const likes = md.split('\n').find((l) => l.startsWith('| `likes` |'))!;
    expect(likes).toContain('| count |');
    expect(likes).toContain('not a rate');
    const approx = md.split('\n').find((l) => l.startsWith('| `likes_approx` |'))!;
    expect(approx).toMatch(/abbreviated/);
    expect(md).toMatch(/## Exact and abbreviated counts/);
    expect(md).toMatch(/metrics_history/);
  });

  it('includes the notes verbatim in a fence longer than any backtick run, and escapes table pipes', async () => {
    const md = await codebookMarkdown({
      collection,
      pseudonymisation: 'none',
      snapshot: 'last',
      generatedAt: 0,
    });
    expect(md).toContain('````text\nFeeds von @partei_1 und @partei_2.\nCode-Beispiel: ```x```\n````');
    expect(md).toContain('# Codebook — Landtagswahl \\| Sample');
  });

  it('states the pseudonymisation mode and scrubs handles from the notes', async () => {
    const p = await Pseudonymiser.create({ kind: 'pseudonymise', secret: new Uint8Array(16).fill(3) });
    const md = await codebookMarkdown({
      collection,
      pseudonymisation: 'pseudonymise',
      snapshot: 'last',
      generatedAt: 0,
      pseudonymiser: p,
    });
    expect(md).toMatch(/Pseudonymisation: pseudonymised — /);
    expect(md).not.toMatch(/partei_1|partei_2/);
    expect(md).toContain(`@${await p.pseudonym('x', 'partei_1')}`);
    const r = await Pseudonymiser.create({ kind: 'redact' });
    const redacted = await codebookMarkdown({
      collection,
      pseudonymisation: 'redact',
      snapshot: 'last',
      generatedAt: 0,
      pseudonymiser: r,
    });
    expect(redacted).toMatch(/Pseudonymisation: redacted — /);
    expect(redacted).toContain('Feeds von @[redacted] und @[redacted].');
    // Without the pseudonymiser a pseudonymised export's codebook would leak the notes: refused.
    await expect(
      codebookMarkdown({ collection, pseudonymisation: 'redact', snapshot: 'last', generatedAt: 0 }),
    ).rejects.toThrow();
  });

  it('says which timestamp fallback the CSV used', async () => {
    const filled = await codebookMarkdown({
      collection,
      pseudonymisation: 'none',
      snapshot: 'last',
      generatedAt: 0,
      timestampFallback: 'first-seen',
    });
    expect(filled).toMatch(/FIRST SIGHTING time/);
    const empty = await codebookMarkdown({
      collection,
      pseudonymisation: 'none',
      snapshot: 'last',
      generatedAt: 0,
    });
    expect(empty).toMatch(/rejects a file whose first row has no parseable timestamp/);
  });

  it('exports the column table as CSV too', () => {
    const { header, rows } = parseCsvObjects(codebookCsv({ columns: ['views'] }));
    expect(header).toEqual([
      'column',
      'meaning',
      'type',
      'unit',
      'denominator',
      'reading',
      'required_by_4cat',
    ]);
    expect(rows.map((r) => r.column)).toEqual([...REQUIRED_COLUMNS, 'views']);
    expect(rows.filter((r) => r.required_by_4cat === 'true').map((r) => r.column)).toEqual([
      ...REQUIRED_COLUMNS,
    ]);
    expect(rows.every((r) => r.meaning!.length > 10)).toBe(true);
  });
});
