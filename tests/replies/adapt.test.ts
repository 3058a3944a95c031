/**
 * The queue learns from the community manager: a few corrections of one account's comments change
 * how similar comments under that account's posts are sorted, and nothing else; corrections are
 * kept in the database (per comment, the latest wins), go into backups and can be taken back.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyLabel, brandAnalyzer, resetBrandTriage } from '../../components/panel/replies/brand-triage';
import { readQueue } from '../../components/panel/replies/replies-source';
import { backupChunks } from '../../core/db/backup';
import type { TriageCorrection } from '../../core/db/schema';
import { analyzeComment, analyzeCommentDetailed, learnAdaptation } from '../../core/replies/index';
import { buildQueue } from '../../core/reports/replies';
import { correctTriage } from '../../core/worker/triage';
import { collect } from '../export/helpers';
import { account, comment, freshDb, NOW } from '../replies-ui/helpers';

const intents = (text: string, adaptation?: ReturnType<typeof learnAdaptation>) =>
  analyzeCommentDetailed(text, adaptation).intents;

// The shipped models do not know this brand's jargon: a missing delivery note is a complaint here,
// and "geiler Scheiß" is how its fans praise. (Checked by hand: before any correction the first two
// are no complaint and the third is not praise.)
const LIEFERSCHEIN = [
  { text: 'Lieferschein fehlt schon wieder', label: 'complaint' as const },
  { text: 'Bei meiner Bestellung fehlt der Lieferschein', label: 'complaint' as const },
  { text: 'Lieferschein fehlt, bitte nachschicken', label: 'complaint' as const },
];
const FANS = [
  { text: 'Geiler Scheiß, echt jetzt!', label: 'praise' as const },
  { text: 'So ein geiler Scheiß 😍', label: 'praise' as const },
  { text: 'Absolut geiler Scheiß', label: 'praise' as const },
];

describe('learning from corrections', () => {
  it('three corrections make similar, unseen comments sorted the same way', () => {
    expect(intents('Mir fehlt der Lieferschein')).not.toContain('complaint');
    expect(intents('Lieferschein fehlt wieder mal')).not.toContain('complaint');
    expect(intents('Geiler Scheiß, Leute!')).not.toContain('praise');
    const adaptation = learnAdaptation([...LIEFERSCHEIN, ...FANS]);
    expect(intents('Mir fehlt der Lieferschein', adaptation)).toContain('complaint');
    expect(intents('Lieferschein fehlt wieder mal', adaptation)).toContain('complaint');
    expect(intents('Geiler Scheiß, Leute!', adaptation)).toContain('praise');
  });

  it('leaves unrelated comments as the shipped models sort them', () => {
    const adaptation = learnAdaptation([...LIEFERSCHEIN, ...FANS]);
    for (const text of [
      'Tolles Video, danke!',
      'Wann kommt Teil 2?',
      'Ihr seid doch alle komplett unfähige Idioten!',
    ])
      expect(analyzeCommentDetailed(text, adaptation).intents, text).toEqual(analyzeComment(text).intents);
  });

  it('a corrected comment itself is shown as corrected', () => {
    const a = analyzeComment('Lieferschein fehlt schon wieder');
    expect(applyLabel(a, 'complaint')).toMatchObject({ priority: 'high', intents: ['complaint'] });
    expect(applyLabel(a, 'other')).toMatchObject({ priority: 'low', intents: [] });
    expect(applyLabel(a, 'urgent').priority).toBe('urgent');
  });

  it('learns per own account: another account keeps the shipped models', () => {
    resetBrandTriage();
    const corrections: TriageCorrection[] = LIEFERSCHEIN.map((c, i) => ({
      ...c,
      platform: 'youtube',
      commentId: `k${i}`,
      account: 'acme',
      at: i,
    }));
    const analyze = brandAnalyzer(corrections);
    const mine = comment('m1', 'Mir fehlt der Lieferschein');
    const theirs = comment('t1', 'Mir fehlt der Lieferschein', { postAuthorKey: 'other' });
    expect(analyze(mine).intents).toContain('complaint');
    expect(analyze(theirs).intents).not.toContain('complaint');
    const queue = buildQueue([mine], [account('acme', 'own')], analyze, NOW);
    expect(queue.items.map((i) => i.kind)).toEqual(['complaint']);
  });
});

describe('corrections in the database', () => {
  it('keeps the latest per comment, reads them with the queue, takes them back, and backs them up', async () => {
    const db = freshDb();
    const base = {
      type: 'correctTriage' as const,
      platform: 'youtube' as const,
      commentId: 'c1',
      account: 'Acme',
      text: 'Lieferschein fehlt',
    };
    await correctTriage(db, { ...base, label: 'question' }, 1);
    await correctTriage(db, { ...base, label: 'complaint' }, 2);
    expect(await db.triageCorrections.toArray()).toEqual([
      {
        platform: 'youtube',
        commentId: 'c1',
        account: 'acme',
        text: 'Lieferschein fehlt',
        label: 'complaint',
        at: 2,
      },
    ]);
    expect((await readQueue(db)).corrections).toHaveLength(1);
    const file = await collect(backupChunks(db, { now: 3, extensionVersion: 'x' }));
    expect(file).toContain('"table":"triageCorrections"');
    await correctTriage(db, { ...base, label: null }, 4);
    expect(await db.triageCorrections.count()).toBe(0);
    await db.delete();
  });
});
