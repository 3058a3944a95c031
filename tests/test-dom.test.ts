/**
 * The unit tests' DOM (happy-dom) must parse real pages the way Chromium does, or adapters pass here
 * and fail for users (or the other way round). Each case is a DOM feature an adapter relies on, with
 * the result Chromium gives (checked with playwright-core on /usr/bin/chromium, DOMParser and
 * page.setContent agree).
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from './platforms/load';

describe('the test DOM parses like Chromium', () => {
  it('keeps everything after a <style> inside an <svg> (Reddit’s logo; happy-dom dropped the rest of the page)', () => {
    const doc = parseHtml(
      '<div><svg viewBox="0 0 2 2"><defs><style>.a{fill:red}</style></defs></svg>' +
        '<shreddit-post id="t3_abc" score="20" comment-count="47"></shreddit-post></div><p id="after">x</p>',
    );
    expect(doc.querySelector('svg style')?.textContent).toBe('.a{fill:red}');
    expect(doc.querySelector('shreddit-post')?.getAttribute('score')).toBe('20');
    expect(doc.getElementById('after')).not.toBeNull();
  });

  it('keeps everything after a <script> inside an <svg>', () => {
    const doc = parseHtml('<svg><script>var a = 1;</script></svg><p id="after">x</p>');
    expect(doc.getElementById('after')).not.toBeNull();
  });

  it('reads attributes of custom elements split over lines, repeated boolean attributes included', () => {
    const doc = parseHtml(
      '<shreddit-post \n  class="a"\n  score="20" data-x data-x\n  comment-count="47"\n></shreddit-post>',
    );
    const post = doc.querySelector('shreddit-post');
    expect(post?.getAttribute('score')).toBe('20');
    expect(post?.getAttribute('comment-count')).toBe('47');
  });

  it('does not look inside <template> content (React streaming placeholders), as Chromium does not', () => {
    const doc = parseHtml('<template id="P:1"><div data-test-id="pin">x</div></template>');
    expect(doc.querySelectorAll('[data-test-id="pin"]').length).toBe(0);
  });

  it('keeps <script type="application/json"> text verbatim (entities not decoded)', () => {
    const doc = parseHtml('<script type="application/json" id="s">{"a":"&amp;"}</script>');
    expect(doc.getElementById('s')?.textContent).toBe('{"a":"&amp;"}');
  });
});
