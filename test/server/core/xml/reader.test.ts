import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attr, child, decodeEntities, descendants, readXml, XML_ENTITIES } from '../../../../server/src/core/xml/reader';

const span = (text: string, s: number, e: number) => text.slice(s, e);

test('entities: the five predefined ones and character references decode, in text and in attributes', () => {
  const t = '<a v="&lt;&amp;&gt;&quot;&apos;">&lt;x&gt; &amp; &#65;&#x42;&#x1F600; &quot;q&quot; &apos;</a>';
  const doc = readXml(t);
  assert.deepEqual(doc.errors, []);
  assert.equal(doc.root?.text, '<x> & AB😀 "q" \'');
  assert.equal(doc.root?.attrs.v, '<&>"\'');
  assert.deepEqual(Object.keys(XML_ENTITIES).sort(), ['amp', 'apos', 'gt', 'lt', 'quot']);
});

test('entities: unknown names, bare & and illegal character references are located errors; the rest still decodes', () => {
  const t = '<a>&nbsp; x & y &#0; &#x110000; &amp;</a>';
  const doc = readXml(t);
  assert.deepEqual(
    doc.errors.map((e) => span(t, e.start, e.end)),
    ['&nbsp;', '&', '&#0;', '&#x110000;'],
  );
  assert.match(doc.errors[0].message, /Unknown XML entity '&nbsp;'.*&amp;/);
  assert.match(doc.errors[1].message, /must be written '&amp;'/);
  assert.match(doc.errors[2].message, /not a legal XML character/);
  assert.equal(doc.root?.text, '&nbsp; x & y &#0; &#x110000; &');
  // decodeEntities alone never throws on huge code points
  assert.equal(decodeEntities('&#x110000;&#65;'), '&#x110000;A');
});

test('CDATA: content kept verbatim (no entity decoding), offsets of each section recorded', () => {
  const t = '<d><c><![CDATA[a=&amp;<b>]]>tail<![CDATA[ x ]]></c></d>';
  const doc = readXml(t);
  assert.deepEqual(doc.errors, []);
  const c = child(doc.root, 'c')!;
  assert.equal(c.text, 'a=&amp;<b>tail x ');
  assert.deepEqual(
    c.cdata.map((s) => span(t, s.start, s.end)),
    ['a=&amp;<b>', ' x '],
  );
  assert.deepEqual(c.children, []);
});

test('comments, processing instructions and a doctype are skipped; markup inside a comment is not read', () => {
  const t =
    '\uFEFF<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x "y">]>\n<!-- <fake a="1"> -->\n<d><!-- <e/> -->text<e/></d>\n<!-- after -->\n';
  const doc = readXml(t);
  assert.deepEqual(doc.errors, []);
  assert.equal(doc.roots.length, 1);
  assert.deepEqual(
    doc.root?.children.map((c) => c.name),
    ['e'],
  );
  assert.equal(doc.root?.text, 'text');
});

test('attributes with both quote kinds: decoded values, exact name and value ranges, document order', () => {
  const t = `<a one="1 'x'" two='2 "y"' three = "&amp;"/>`;
  const doc = readXml(t);
  assert.deepEqual(doc.errors, []);
  const a = doc.root!;
  assert.deepEqual(
    a.attributes.map((x) => [x.name, x.value]),
    [
      ['one', "1 'x'"],
      ['two', '2 "y"'],
      ['three', '&'],
    ],
  );
  for (const x of a.attributes) assert.equal(span(t, x.nameStart, x.nameEnd), x.name);
  assert.equal(span(t, attr(a, 'two')!.valueStart, attr(a, 'two')!.valueEnd), '2 "y"');
  assert.equal(span(t, attr(a, 'three')!.valueStart, attr(a, 'three')!.valueEnd), '&amp;');
  assert.equal(a.end, t.length);
  assert.equal(a.contentStart, a.contentEnd);
});

test('element offsets: start tag, content and end tag; descendants in document order', () => {
  const t = '<doc>\n  <m ua="A">x</m>\n  <g><m ua="B"/></g>\n</doc>';
  const doc = readXml(t);
  const ms = descendants(doc.root, 'm');
  assert.deepEqual(
    ms.map((m) => m.attrs.ua),
    ['A', 'B'],
  );
  assert.equal(span(t, ms[0].start, ms[0].end), '<m ua="A">x</m>');
  assert.equal(span(t, ms[0].contentStart, ms[0].contentEnd), 'x');
  assert.equal(span(t, ms[0].nameStart, ms[0].nameEnd), 'm');
});

test('boolean attributes are errors unless allowed', () => {
  const t = '<a flag b="1"/>';
  const strict = readXml(t);
  assert.equal(strict.errors.length, 1);
  assert.equal(span(t, strict.errors[0].start, strict.errors[0].end), 'flag');
  assert.match(strict.errors[0].message, /expected flag="…"/);
  const lax = readXml(t, { booleanAttributes: true });
  assert.deepEqual(lax.errors, []);
  assert.deepEqual(
    lax.root?.attributes.map((x) => [x.name, x.value]),
    [
      ['flag', ''],
      ['b', '1'],
    ],
  );
});

test('a malformed document gives a located error: offset, 1-based line and column, what was expected', () => {
  const t = '<doc>\n  <name>Mini</nam>\n</doc>';
  const doc = readXml(t);
  assert.equal(doc.errors.length, 1);
  const e = doc.errors[0];
  assert.equal(span(t, e.start, e.end), '</nam>');
  assert.deepEqual([e.line, e.column], [2, 13]);
  assert.match(e.message, /expected '<\/name>'/);
  assert.equal(doc.errorAt, e.start);
  // the tree is still built around the error
  assert.equal(doc.root?.name, 'doc');
});

test('malformed documents of every kind: one located structural error each, never a throw', () => {
  const cases: [string, string, RegExp][] = [
    ['<a><b></a>', '</a>', /Expected '<\/b>' before '<\/a>'/],
    ['<a x=1/>', 'x', /must be quoted/],
    ['<a x="1"y="2"/>', 'y', /whitespace between attributes/],
    ['<a x="1" x="2"/>', 'x', /repeated/],
    ['<1a/>', '1a', /not a valid element name/],
    ['<a>\n<b>', '<a', /never closed; expected '<\/a>'/],
    ['<a/><b/>', '<b/>', /second root element/],
    ['<a/>tail', 'tail', /Text after the root element/],
    ['lead<a/>', 'lead', /Text before the root element/],
    ['<a><!-- open</a>', '<!--', /expected '-->'/],
    ['<a><![CDATA[ open</a>', '<![CDATA[', /expected '\]\]>'/],
    ['<a x="1</a>', 'x', /Unterminated value/],
    ['<a>1 < 2</a>', '<', /must be written '&lt;'/],
    ['<a/>\n<?xml version="1.0"?>', '<?xml', /only at the very start/],
    ['', '', /empty/],
    ['   ', ' ', /No root element/],
  ];
  for (const [t, want, message] of cases) {
    const doc = readXml(t);
    assert.equal(doc.errors.length, 1, `${JSON.stringify(t)}: ${JSON.stringify(doc.errors)}`);
    const e = doc.errors[0];
    assert.equal(span(t, e.start, e.end).slice(0, want.length), want, `${JSON.stringify(t)}: ${e.message}`);
    assert.match(e.message, message);
    assert.ok(e.line >= 1 && e.column >= 1);
  }
});

test('an attribute named __proto__ is a plain key', () => {
  const doc = readXml('<a __proto__="x" constructor="y"/>');
  assert.deepEqual(doc.errors, []);
  assert.equal(doc.root?.attrs.__proto__, 'x');
  assert.equal(doc.root?.attrs.constructor, 'y');
  assert.equal(doc.root?.attrs.toString, undefined);
});

test('random garbage never throws', () => {
  const alphabet = ['<', '>', '/', '"', "'", '=', '&', ';', '!', '-', '[', ']', '?', 'a', 'b', ' ', '\n', 'CDATA', '#x41'];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let k = 0; k < 2000; k++) {
    const t = Array.from({ length: Math.floor(rnd() * 30) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const doc = readXml(t);
    for (const e of doc.errors) assert.ok(e.start >= 0 && e.end <= Math.max(t.length, e.start + 1) && e.end > e.start, t);
  }
});
