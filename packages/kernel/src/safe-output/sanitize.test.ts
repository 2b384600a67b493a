import { Parser } from 'htmlparser2';
import { SANITIZE_PROFILES, sanitizeRichText, type SanitizeProfile } from './sanitize';

/**
 * Known filter-evasion strings (issue #16's four, then the OWASP XSS filter evasion cheat sheet
 * classics). Each must come out of every profile with nothing a browser would run.
 */
const BYPASSES: [string, string][] = [
  ['slash instead of space before an event handler', '<img src=x/onerror=alert(1)>'],
  ['tab entity inside the scheme', '<a href="java&#x09;script:alert(1)">x</a>'],
  ['named entity for the colon', '<a href="javascript&colon;alert(1)">x</a>'],
  ['tag nested in a tag name', '<scr<script>ipt>alert(1)</script>'],
  ['svg onload', '<svg/onload=alert(1)>'],
  ['svg with script', '<svg><script>alert(1)</script></svg>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['iframe javascript src', '<iframe src="javascript:alert(1)"></iframe>'],
  ['data:text/html link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>'],
  ['data: image source with html', '<img src="data:text/html,<script>alert(1)</script>">'],
  ['vbscript', '<a href="vbscript:msgbox(1)">v</a>'],
  ['decimal entities for the scheme', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">j</a>'],
  ['hex entities without semicolons', '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">h</a>'],
  ['padded decimal entities', '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">p</a>'],
  ['mixed case scheme', '<a href="JaVaScRiPt:alert(1)">m</a>'],
  ['mixed case tag and attribute', '<IMG SRC=JaVaScRiPt:alert(1)>'],
  ['leading spaces and newline in the scheme', '<a href=" &#14;  java\nscript:alert(1)">s</a>'],
  ['null byte in the scheme', '<a href="java\u0000script:alert(1)">n</a>'],
  ['null byte in the tag name', '<scr\u0000ipt>alert(1)</scr\u0000ipt>'],
  ['nested comments', '<!--<!-- --><script>alert(1)</script>-->'],
  ['conditional comment', '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->'],
  ['style expression', '<p style="width:expression(alert(1))">s</p>'],
  ['style url javascript', '<p style="background:url(javascript:alert(1))">u</p>'],
  ['style element', '<style>@import "javascript:alert(1)";</style><p>t</p>'],
  ['event handler on a paragraph', '<p onmouseover="alert(1)">t</p>'],
  ['body onload', '<body onload=alert(1)>'],
  ['object data', '<object data="javascript:alert(1)"></object>'],
  ['embed src', '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ['form action', '<form action="javascript:alert(1)"><button>go</button></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base href', '<base href="javascript:alert(1)//">'],
  ['math xlink', '<math><mi xlink:href="javascript:alert(1)">m</mi></math>'],
  ['protocol-relative image', '<img src="//evil.example/x.png">'],
  ['unquoted attribute breakout', '<img src=`x` onerror=alert(1)>'],
  ['malformed a tag', '<a onmouseover="alert(1)">xxs</a>'],
  ['img dynsrc/lowsrc', '<img dynsrc="javascript:alert(1)" lowsrc="javascript:alert(1)">'],
  ['table background', '<table background="javascript:alert(1)"><tr><td>t</td></tr></table>'],
  ['link stylesheet', '<link rel="stylesheet" href="javascript:alert(1)">'],
  ['template', '<template><img src=x onerror=alert(1)></template>'],
];

const SAFE_SCHEMES = /^(https?:|mailto:|tel:|[^:]*$)/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'background', 'dynsrc', 'lowsrc', 'xlink:href', 'data', 'srcdoc', 'cite']);
const FORBIDDEN_TAGS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'svg', 'math', 'meta', 'base', 'link', 'template', 'body']);

/** What a browser would find in the output: parsed as HTML, not matched with a regex. */
const executable = (html: string): string[] => {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (FORBIDDEN_TAGS.has(name)) found.push(`<${name}>`);
        for (const [attr, value] of Object.entries(attributes)) {
          if (attr.startsWith('on')) found.push(`${name}[${attr}]`);
          if (URL_ATTRIBUTES.has(attr) && !SAFE_SCHEMES.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${name}[${attr}=${value}]`);
          if (attr.startsWith('//') || (URL_ATTRIBUTES.has(attr) && value.startsWith('//'))) found.push(`${name}[${attr}] protocol-relative`);
          if (attr === 'style' && /expression|url\s*\(|javascript|@import|behavior/i.test(value)) found.push(`${name}[style=${value}]`);
        }
      },
      oncomment(text) {
        found.push(`<!--${text}-->`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  );
  parser.write(html);
  parser.end();
  return found;
};

describe('sanitizeRichText', () => {
  const matrix = BYPASSES.flatMap(([name, input]) => SANITIZE_PROFILES.map((profile) => [profile, name, input] as [SanitizeProfile, string, string]));

  it.each(matrix)('%s: %s leaves nothing executable', (profile, _name, input) => {
    const output = sanitizeRichText(input, profile);
    expect(executable(output)).toEqual([]);
    // Inside a quoted value (`src="x/onerror=alert(1)"`, a relative URL) the text is inert; as an attribute it is not.
    expect(output).not.toMatch(/<script|javascript:|vbscript:|data:text|\son\w+\s*=/i);
  });

  it('the four strings of the issue come out inert on the web profile', () => {
    expect(sanitizeRichText('<img src=x/onerror=alert(1)>', 'web')).not.toMatch(/\sonerror=/);
    expect(sanitizeRichText('<a href="java&#x09;script:alert(1)">x</a>', 'web')).not.toMatch(/href=/);
    expect(sanitizeRichText('<a href="javascript&colon;alert(1)">x</a>', 'web')).not.toMatch(/href=/);
    expect(sanitizeRichText('<scr<script>ipt>alert(1)</script>', 'web')).not.toMatch(/<script/i);
  });

  it('keeps ordinary rich text, Chinese and Tibetan, links and images on the web profile', () => {
    const html = '<h2>一、总体要求</h2><p>甘孜州 <strong>བོད་ཡིག</strong> <a href="https://www.gzz.gov.cn/a?x=1&amp;y=2" title="政务">链接</a></p><img src="https://www.gzz.gov.cn/i.png" alt="封面"><table><tr><td colspan="2">表</td></tr></table>';
    const out = sanitizeRichText(html, 'web');
    expect(out).toContain('<h2>一、总体要求</h2>');
    expect(out).toContain('<strong>བོད་ཡིག</strong>');
    expect(out).toContain('<a href="https://www.gzz.gov.cn/a?x=1&amp;y=2" title="政务" rel="noopener noreferrer nofollow">链接</a>');
    expect(out).toContain('<img src="https://www.gzz.gov.cn/i.png" alt="封面" />');
    expect(out).toContain('<td colspan="2">表</td>');
  });

  it('WeChat: no links (their text stays), inline styles limited to plain properties', () => {
    const out = sanitizeRichText('<p style="margin:0 0 1em;color:#333;position:fixed" class="x" id="y">正文 <a href="https://example.com">外链</a></p>', 'wechat');
    expect(out).toBe('<p style="margin:0 0 1em;color:#333">正文 外链</p>');
  });

  it('Weibo: plain text only', () => {
    expect(sanitizeRichText('<p>བཀྲ་ཤིས་<b>བདེ་ལེགས</b></p><script>x()</script>', 'weibo')).toBe('བཀྲ་ཤིས་བདེ་ལེགས');
  });

  it('feed: links and images without layout attributes', () => {
    expect(sanitizeRichText('<p><img src="https://a/b.png" width="9" onerror="x"> <a href="mailto:office@gzz.gov.cn">信箱</a></p>', 'feed')).toBe(
      '<p><img src="https://a/b.png" /> <a href="mailto:office@gzz.gov.cn" rel="noopener noreferrer nofollow">信箱</a></p>'
    );
  });

  it('keeps markdown readable: block quotes, paragraphs, ampersands', () => {
    expect(sanitizeRichText('> 引用\n\n第一段 & 第二段 <b>&</b>', 'web')).toBe('> 引用\n\n第一段 &amp; 第二段 <b>&amp;</b>');
  });

  it('refuses an unknown profile instead of sanitising with no list', () => {
    expect(() => sanitizeRichText('<p>x</p>', 'sms' as SanitizeProfile)).toThrow(/unknown profile/);
  });
});
