import assert from 'node:assert/strict';
import { Parser } from 'htmlparser2';
import { buildUnit, buildUser, CLEAN_DRAFT, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

/** Tags and attributes that would act in a browser, found by parsing the HTML (not by searching text). */
function liveMarkup(html: string): string[] {
  const found: string[] = [];
  const acting = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'base', 'meta', 'link', 'style', 'form', 'input', 'button', 'textarea', 'template']);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (acting.has(name)) found.push(name);
        for (const [key, raw] of Object.entries(attributes)) {
          const value = raw.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (key.startsWith('on') || key === 'srcdoc' || key === 'style' || key === 'formaction') found.push(`${name}[${key}]`);
          if (['href', 'src', 'action', 'xlink:href', 'data'].includes(key) && /^(javascript|vbscript|data):/.test(value)) found.push(`${name}[${key}=${value.slice(0, 20)}]`);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

const PAYLOADS: Record<string, string> = {
  'img onerror': '<img src=x onerror="alert(1)">',
  'svg onload': '<svg onload="alert(2)"><circle r="1"/></svg>',
  'javascript: link': '<a href="javascript:alert(3)">点</a>',
  'javascript: link, mixed case and entities': '<a href="JaVa&#x53;cript&colon;alert(3)">点</a>',
  'javascript: link with leading blanks': '<a href="  \tjavascript:alert(3)">点</a>',
  'iframe srcdoc': '<iframe srcdoc="<script>alert(4)</script>"></iframe>',
  script: '<script>alert(5)</script>',
  'image with javascript: src': '<img src="javascript:alert(6)">',
  'data: html link': '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==">点</a>',
  'style attribute': '<p style="background:url(javascript:alert(8))">段</p>',
  'math xlink': '<math><mi xlink:href="javascript:alert(9)">x</mi></math>',
  'form action': '<form action="javascript:alert(10)"><button>提交</button></form>',
  'object and embed': '<object data="javascript:alert(11)"></object><embed src="javascript:alert(12)">',
  'meta refresh and base': '<meta http-equiv="refresh" content="0;url=javascript:alert(13)"><base href="javascript:alert(14)//">',
  'details ontoggle': '<details open ontoggle="alert(15)"><summary>x</summary></details>',
  'broken-up script tag': '<scr<script>ipt>alert(16)</scr</script>ipt>',
};

describe('XSS payloads are stored and returned harmless', function () {
  this.timeout(120_000);
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('checks its own detector on the raw payloads (each one is caught before sanitising)', () => {
    for (const [name, payload] of Object.entries(PAYLOADS)) {
      if (name === 'broken-up script tag') continue; // only live after a naive filter strips the inner tag
      assert.notDeepEqual(liveMarkup(payload), [], name);
    }
  });

  it('keeps the text and removes everything that could run, for each payload on its own and all together', async () => {
    const unit = await buildUnit();
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const reviewer = await loggedIn(url, await buildUser('reviewer', { unit, level: 1 }));
    const cases = { ...PAYLOADS, 'all together': Object.values(PAYLOADS).join('') };
    for (const [name, payload] of Object.entries(cases)) {
      const submitted = await editor.post('/api/drafts', { ...CLEAN_DRAFT, body: `<p>通知正文</p>${payload}` });
      assert.equal(submitted.status, 201, `${name}: ${JSON.stringify(submitted.body)}`);
      const stored = await editor.get(`/api/drafts/${submitted.body.id}`);
      assert.equal(stored.status, 200);
      assert.deepEqual(liveMarkup(stored.body.body), [], `${name}: ${stored.body.body}`);
      assert.match(stored.body.body, /<p>通知正文<\/p>/, `${name}: the harmless text stays`);
      assert.doesNotMatch(stored.body.body, /&lt;\/?(script|iframe|svg|img|a|form|object|embed|meta|base|math|details)\b/i, `${name}: disallowed markup is removed, not turned into visible text`);
      const seen = await reviewer.waitForDraft(submitted.body.id, (d) => d.status !== 'screening');
      assert.deepEqual(liveMarkup(seen.body), [], `${name}: the reviewer gets the same harmless body`);
    }
  });

  it('returns a title with markup as JSON text, never as HTML', async () => {
    const editor = await loggedIn(url, await buildUser('editor'));
    const submitted = await editor.post('/api/drafts', { ...CLEAN_DRAFT, title: '<img src=x onerror=alert(1)>标题' });
    const answer = await fetch(`${url}/api/drafts/${submitted.body.id}`, { headers: { cookie: editor.cookie! } });
    assert.match(answer.headers.get('content-type')!, /^application\/json/);
    assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(((await answer.json()) as { title: string }).title, '<img src=x onerror=alert(1)>标题', 'kept as text; the console renders titles as text');
  });

  it('sends a content security policy that allows no inline or foreign scripts', async () => {
    const answer = await fetch(`${url}/api/health`);
    const policy = answer.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? /default-src ([^;]*)/.exec(policy)?.[1] ?? '';
    assert.equal(scriptSrc.trim(), "'self'");
    assert.match(policy, /object-src 'none'/);
    assert.match(policy, /frame-ancestors 'self'|frame-ancestors 'none'/);
    assert.equal(answer.headers.get('x-frame-options'), 'SAMEORIGIN');
  });
});
