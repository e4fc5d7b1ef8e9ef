import { describe, expect, it } from 'vitest';
import { attr, attrNS, scanXml, type XmlElement } from '../../../../core/report/xml-scan';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

describe('XML scanner (well-formedness for the docx linter)', () => {
  it('accepts well-formed parts: declaration, comments, CDATA, references, default and prefixed namespaces', () => {
    expect(scanXml(doc('<w:p><w:r><w:t xml:space="preserve">a &amp; b &lt; c &#233; &#x1F600; &quot;q&quot;</w:t></w:r></w:p><!-- note --><w:p/>'))).toBeUndefined();
    expect(scanXml('\uFEFF<Types xmlns="urn:x"><Default Extension="xml" ContentType="a/b"/><![CDATA[<raw>]]></Types>')).toBeUndefined();
    expect(scanXml('<a><b xmlns:x="urn:x" x:y="1"/>\n</a>\n<?pi ok?>\n')).toBeUndefined();
    expect(scanXml(doc('<w:t>emoji 👩‍💻 and عميل</w:t>'))).toBeUndefined();
  });

  it.each([
    ['mismatched end tag', '<a><b></a>', /does not match/],
    ['unclosed element', '<a><b>', /never closed/],
    ['end tag without start', '<a></a></b>', /./],
    ['two roots', '<a/><b/>', /second root/],
    ['text outside the root', '<a/>x', /outside the root/],
    ['no root', '<?xml version="1.0"?>', /no root/],
    ['bare ampersand', '<a>fish & chips</a>', /bare '&'/],
    ['undefined entity', '<a>&nbsp;</a>', /undefined entity/],
    ['illegal character reference', '<a>&#0;</a>', /not a legal XML character/],
    ['control character', '<a>x\u0001y</a>', /illegal XML character U\+0001/],
    ['lone surrogate', '<a>\uD800</a>', /illegal XML character U\+D800/],
    ['U+FFFF', '<a>\uFFFF</a>', /illegal XML character/],
    ["'<' in an attribute value", '<a b="x<y"/>', /'<' in the value/],
    ['unquoted attribute', '<a b=c/>', /malformed start tag/],
    ['repeated attribute', '<a b="1" b="2"/>', /repeated/],
    ['unbound element prefix', '<x:a/>', /unbound namespace prefix 'x'/],
    ['unbound attribute prefix', '<a y:b="1"/>', /unbound namespace prefix 'y'/],
    ["']]>' in text", '<a>x]]>y</a>', /']]>' in text/],
    ["'--' in a comment", '<a><!-- x -- y --></a>', /'--' inside a comment/],
    ['unterminated comment', '<a><!-- x </a>', /unterminated comment/],
    ['XML declaration not first', ' <?xml version="1.0"?><a/>', /not at the start/],
    ['DOCTYPE with an internal subset', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', /internal subset/],
    ['bad name', '<1a/>', /not followed by a name/],
    ['CDATA outside the root', '<![CDATA[x]]><a/>', /CDATA outside/],
  ])('refuses %s', (_, xml, message) => {
    const error = scanXml(xml);
    expect(error).toBeDefined();
    expect(error).toMatch(message);
  });

  it('reports elements with namespaces resolved, parents and attributes', () => {
    const seen: string[] = [];
    let t: XmlElement | undefined;
    expect(
      scanXml(doc('<w:p><w:r><w:t w:val="v" plain="p">x</w:t></w:r></w:p>'), {
        open: (el, parents) => {
          seen.push(`${parents.map((p) => p.local).join('/')}>${el.local}`);
          if (el.local === 't') t = el;
        },
      }),
    ).toBeUndefined();
    expect(seen).toEqual(['>document', 'document>body', 'document/body>p', 'document/body/p>r', 'document/body/p/r>t']);
    expect(t?.uri).toBe(W);
    expect(attrNS(t!, W, 'val')).toBe('v');
    expect(attr(t!, 'plain')).toBe('p');
  });
});
