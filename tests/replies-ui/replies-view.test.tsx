/**
 * The Replies view in its states — loading, no own account (explains how to mark one, and offers
 * the page's accounts), nothing waiting, error, and a full queue — with drafts to copy or insert.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../components/i18n';
import { resetDraftCache } from '../../components/panel/replies/QueueItem';
import { RepliesView } from '../../components/panel/replies/RepliesView';
import type { QueueData } from '../../components/panel/replies/replies-source';
import type { PageState } from '../../components/panel/source';
import { fakeSource, flush, pageOn } from './fake-source';
import { account, comment, HOUR, NOW, post } from './helpers';

let root: HTMLElement;
beforeEach(() => {
  lang.value = 'en';
  resetDraftCache();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  document.body.innerHTML = '';
});

const NONE: PageState = { status: 'none' };
async function show(source: ReturnType<typeof fakeSource>, page: PageState = NONE) {
  await act(async () => {
    render(<RepliesView source={source} page={page} now={() => NOW} />, root);
    await flush();
  });
}
const text = () => root.textContent ?? '';

const QUEUE: QueueData = {
  own: [account('acme', 'own')],
  comments: [
    comment('praise', 'Super erklärt 👍'),
    comment('question', 'Wann kommt das nächste Video zur Wärmepumpe?'),
    comment('attack', 'Ihr seid doch alle komplett unfähige Idioten!'),
    comment(
      'complaint',
      'Meine Bestellung ist seit drei Wochen nicht angekommen. <img src=x onerror=alert(1)>',
    ),
    comment('done', 'Wie lange dauert die Montage?', {
      createdAt: new Date(NOW - 6 * HOUR).toISOString(),
      answeredAt: NOW - 4 * HOUR,
      answerCreatedAt: NOW - 4 * HOUR,
    }),
  ],
  postUrls: { 'youtube:p1': 'https://www.youtube.com/watch?v=p1' },
  recent: [],
};

describe('the Replies view', () => {
  it('says it is loading', async () => {
    await show(fakeSource());
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Loading…');
  });

  it('shows a read error', async () => {
    await show(fakeSource({ queue: { status: 'error', message: 'IndexedDB broke' } }));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('IndexedDB broke');
  });

  it('explains how to mark an own account, and offers the accounts on the page', async () => {
    const source = fakeSource({ queue: { status: 'ready', value: { ...QUEUE, own: [] } } });
    await show(source, NONE);
    expect(text()).toContain('No own account yet');
    expect(text()).toContain('Open one of your posts or your profile');
    render(null, root);

    await show(source, pageOn('youtube', ['p1'], [post('p1', { authorKey: 'energiewende-praxis' })]));
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('is my account'));
    expect(button?.textContent).toBe('@energiewende-praxis (YouTube) is my account');
    await act(async () => {
      button?.click();
      await flush();
    });
    expect(source.command).toHaveBeenCalledWith({
      type: 'setAccountRole',
      platform: 'youtube',
      handle: 'energiewende-praxis',
      role: 'own',
    });
  });

  it('says when nothing waits for an answer, and still shows the response figures', async () => {
    const answered = QUEUE.comments.map((c) => ({ ...c, answeredAt: NOW - HOUR }));
    await show(fakeSource({ queue: { status: 'ready', value: { ...QUEUE, comments: answered } } }));
    expect(text()).toContain('Nothing waiting');
    expect(root.querySelectorAll('.reply-item')).toHaveLength(0);
    expect(text()).toContain('answered 100% (5 of 5 comments)');
  });

  it('lists the waiting comments by priority, as text, with drafts, age and the response figures', async () => {
    await show(fakeSource({ queue: { status: 'ready', value: QUEUE } }));
    const items = [...root.querySelectorAll<HTMLElement>('.reply-item')];
    expect(items.map((i) => i.dataset.commentId)).toEqual(['attack', 'complaint', 'question', 'praise']);
    expect(items.map((i) => i.dataset.kind)).toEqual(['urgent', 'complaint', 'question', 'praise']);
    expect(items[0]?.textContent).toContain('Urgent: attack or crisis');
    expect(items[0]?.textContent).toContain('1 hour ago');
    expect(items[0]?.textContent).toContain('YouTube');
    // Scraped text stays text.
    expect(root.querySelector('img')).toBeNull();
    expect(items[1]?.querySelector('blockquote')?.textContent).toContain('<img src=x onerror=alert(1)>');
    for (const item of items) {
      const drafts = item.querySelectorAll('.draft');
      expect(drafts.length).toBeGreaterThanOrEqual(2);
      expect(drafts.length).toBeLessThanOrEqual(3);
    }
    // 1 of 5 answered, after 2 h.
    expect(text()).toContain('answered 20% (1 of 5 comments)');
    expect(text()).toContain('median time to answer 2 hr (n = 1)');
    expect(text()).toContain('Only 5 comments');
    expect(text()).toContain('Waiting for an answer (4)');
  });

  it('offers "open post" and no insertion when the post is not in the current tab', async () => {
    await show(fakeSource({ queue: { status: 'ready', value: QUEUE } }), pageOn('youtube', ['other']));
    const item = root.querySelector('.reply-item')!;
    expect(item.querySelector('a')?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=p1');
    const insert = [...item.querySelectorAll('button')].find(
      (b) => b.textContent === 'Insert into reply box',
    );
    expect(insert?.disabled).toBe(true);
  });

  it('inserts a draft into the page’s reply box, says it was not sent, and remembers it', async () => {
    const source = fakeSource({ queue: { status: 'ready', value: QUEUE } });
    await show(source, pageOn('youtube', ['p1']));
    const item = root.querySelectorAll('.reply-item')[1]!; // the complaint
    const draft = item.querySelector('.draft-text')?.textContent ?? '';
    const insert = [...item.querySelectorAll('button')].find(
      (b) => b.textContent === 'Insert into reply box',
    );
    expect(insert?.disabled).toBe(false);
    await act(async () => {
      insert?.click();
      await flush();
    });
    expect(source.insertReply).toHaveBeenCalledWith(42, 'complaint', QUEUE.comments[3]!.text, draft);
    expect(item.querySelector('.reply-status')?.textContent).toBe(
      'Draft inserted into the reply box – check it and send it yourself.',
    );
    expect(source.command).toHaveBeenCalledWith({ type: 'rememberReply', kind: 'inserted', texts: [draft] });
    // What was shown was remembered as suggested.
    expect(source.command).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'rememberReply', kind: 'suggested' }),
    );
  });

  it('asks the user to open the reply box when none is open under the comment', async () => {
    const source = fakeSource({
      queue: { status: 'ready', value: QUEUE },
      insert: { ok: true, found: true, result: { ok: false, reason: 'no-editor' } },
    });
    await show(source, pageOn('youtube', ['p1']));
    const item = root.querySelector('.reply-item')!;
    const insert = [...item.querySelectorAll('button')].find(
      (b) => b.textContent === 'Insert into reply box',
    );
    await act(async () => {
      insert?.click();
      await flush();
    });
    expect(item.querySelector('.reply-status')?.textContent).toContain(
      'No reply box is open under this comment',
    );
    expect(source.command).not.toHaveBeenCalledWith(expect.objectContaining({ kind: 'inserted' }));
  });

  it('shows "—" for a comment whose time the page did not show, never the moment it was first seen', async () => {
    const untimed = comment('untimed', 'Gibt es das auch in Blau?', {
      createdAt: null,
      firstSeen: NOW - 3 * 60_000,
    });
    await show(fakeSource({ queue: { status: 'ready', value: { ...QUEUE, comments: [untimed] } } }));
    const meta = root.querySelector('.reply-item .reply-meta');
    expect(meta?.textContent).toContain('—');
    expect(meta?.textContent).not.toContain('minutes ago');
    expect(meta?.querySelector('[title]')?.getAttribute('title')).toBe(
      'The page does not show when this comment was written.',
    );
  });

  it('counts old unanswered comments in the title and lists them, so the two never disagree', async () => {
    const old = Array.from({ length: 35 }, (_, i) =>
      comment(`old${i}`, 'Wann kommt Teil 2?', { createdAt: new Date(NOW - 400 * 24 * HOUR).toISOString() }),
    );
    await show(fakeSource({ queue: { status: 'ready', value: { ...QUEUE, comments: old } } }));
    expect(text()).toContain('Waiting for an answer (35)');
    expect(text()).toContain('35 of them older than 30 days: listed after the recent ones.');
    expect(root.querySelectorAll('.reply-item').length).toBeGreaterThan(0);
    expect(text()).not.toContain('Nothing waiting');
  });

  it('filters the queue by account and by post, including the post open in the tab', async () => {
    const value: QueueData = {
      ...QUEUE,
      own: [account('acme', 'own'), account('shop', 'own')],
      comments: [
        comment('a1', 'Wann kommt Teil 2?', { postId: 'p1' }),
        comment('a2', 'Gibt es das in Blau?', { postId: 'p2' }),
        comment('s1', 'Ist der Laden am Samstag offen?', { postId: 's1', postAuthorKey: 'shop' }),
      ],
      postTexts: { 'youtube:p1': 'Unser neues Video zur Wärmepumpe', 'youtube:p2': 'Die Farben im Herbst' },
    };
    await show(fakeSource({ queue: { status: 'ready', value } }), pageOn('youtube', ['p2']));
    const ids = () => [...root.querySelectorAll<HTMLElement>('.reply-item')].map((i) => i.dataset.commentId);
    const [accountSelect] = [...root.querySelectorAll('select')];
    expect([...accountSelect!.options].map((o) => o.textContent)).toEqual([
      'All (3)',
      '@acme · YouTube (2)',
      '@shop · YouTube (1)',
    ]);
    expect(ids()).toHaveLength(3);
    const choose = async (select: HTMLSelectElement, value: string) => {
      await act(async () => {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await flush();
      });
    };
    await choose(accountSelect!, 'youtube:shop');
    expect(ids()).toEqual(['s1']);
    expect(text()).toContain('Waiting for an answer (1)');
    await choose(root.querySelectorAll('select')[0]!, 'youtube:acme');
    const posts = root.querySelectorAll('select')[1]!;
    expect([...posts.options].map((o) => o.textContent)).toEqual([
      'All (2)',
      'This page (1)',
      'Unser neues Video zur Wärmepumpe (1)',
      'Die Farben im Herbst (1)',
    ]);
    await choose(posts, 'page');
    expect(ids()).toEqual(['a2']);
    await choose(root.querySelectorAll('select')[1]!, 'youtube:p1');
    expect(ids()).toEqual(['a1']);
  });

  it('says when a comment is in another language and marks each draft’s language', async () => {
    const fr = comment('fr', 'Merci beaucoup, le produit est arrivé très vite et il est parfait.');
    await show(fakeSource({ queue: { status: 'ready', value: { ...QUEUE, comments: [fr] } } }));
    const item = root.querySelector('.reply-item')!;
    expect(item.querySelector('[data-other-language]')?.textContent).toBe(
      'This comment is in French. Resonanz writes drafts in English and German only: use one of them, or answer in French yourself.',
    );
    expect([...item.querySelectorAll('.draft .tone')].map((e) => e.textContent)).toEqual([
      'Thank · in English',
      'Thank · in German',
    ]);
  });

  it('renders the German UI text from the catalog', async () => {
    lang.value = 'de';
    await show(fakeSource({ queue: { status: 'ready', value: QUEUE } }));
    expect(text()).toContain('Warten auf Antwort (4)');
    expect(text()).toContain('Dringend: Angriff oder Krise');
    expect(text()).toContain('Markenstimme');
  });
});
