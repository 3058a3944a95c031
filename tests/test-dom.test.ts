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

  it('keeps blocks open when an <a> opens inside an <a> (LinkedIn: hashtag links inside a card’s link)', () => {
    // Chromium moves each block out of the outer link and wraps its content in a copy of the link
    // (the HTML spec's adoption agency algorithm); happy-dom closed the blocks with the link, so the
    // end tags after it closed the card around them.
    const doc = parseHtml(
      '<ul><li id="card"><div id="c"><a id="o" href="/post">pre<div id="d1">one<div id="d2">two ' +
        '<span>s <a id="i" href="/tag">tag</a> more</span></div><p>p</p></div></a>' +
        '<a href="/post"><div class="counts">112</div></a></div></li><li id="next"></li></ul>',
    );
    expect(doc.getElementById('c')?.innerHTML).toBe(
      '<a id="o" href="/post">pre</a><div id="d1"><a id="o" href="/post">one</a><div id="d2">' +
        '<a id="o" href="/post">two <span>s </span></a><a id="i" href="/tag">tag</a> more</div><p>p</p></div>' +
        '<a href="/post"><div class="counts">112</div></a>',
    );
    expect(doc.querySelector('.counts')?.closest('li')?.id).toBe('card');
    expect(doc.getElementById('next')?.parentElement?.tagName).toBe('UL');
  });

  it('nests an <a> inside a table cell inside an <a>, and closes one directly inside another', () => {
    expect(parseHtml('<a href="1">x<a href="2">y</a></a>z').body.innerHTML).toBe(
      '<a href="1">x</a><a href="2">y</a>z',
    );
    expect(
      parseHtml('<a href="1"><table><tr><td><a href="2">y</a></td></tr></table></a>').body.innerHTML,
    ).toBe('<a href="1"><table><tbody><tr><td><a href="2">y</a></td></tr></tbody></table></a>');
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
