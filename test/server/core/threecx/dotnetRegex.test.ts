// .NET → JavaScript translation of 3CX `<model regex="…">`: what matches in 3CX matches here, and what has
// no JavaScript equivalent is a located warning (never an error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translateDotnetRegex } from '../../../../server/src/core/threecx/dotnetRegex';
import { parseEnvelope } from '../../../../server/src/core/threecx/envelope';
import { modelForUserAgent } from '../../../../server/src/core/threecx/match';

const matches = (pattern: string, input: string) => {
  const t = translateDotnetRegex(pattern);
  assert.equal(t.error, undefined, `${pattern} → ${t.source}`);
  return t.regex!.exec(input);
};

test("named groups (?<name>…) and (?'name'…), \\k backreferences", () => {
  const m = matches("^Yealink\\s+W70B\\s+(?'fwver'.*)\\s+(?'mac'.*)$", 'Yealink W70B 146.85.0.20 80:5e:0c:70:00:03');
  assert.equal(m?.groups?.fwver, '146.85.0.20');
  assert.equal(m?.groups?.mac, '80:5e:0c:70:00:03');
  assert.equal(matches('(?<w>ab)-\\k<w>', 'ab-ab')?.groups?.w, 'ab');
  assert.ok(matches("(?'w'ab)-\\k'w'", 'ab-ab'));
  assert.equal(matches("(?'w'ab)-\\k'w'", 'ab-ba'), null);
});

test('numbered backreferences follow .NET numbering (unnamed groups first, then named ones)', () => {
  // .NET: (a)=1, (c)=2, (?<n>b)=3 → \2 is (c)
  assert.ok(matches('(a)(?<n>b)(c)\\2', 'abcc'));
  assert.equal(matches('(a)(?<n>b)(c)\\2', 'abcb'), null);
  assert.ok(matches('(a)(?<n>b)(c)\\3', 'abcb'));
});

test('anchors: \\A, \\z, \\Z and $ (which in .NET also matches before a final newline)', () => {
  assert.ok(matches('\\Afoo\\z', 'foo'));
  assert.equal(matches('\\Afoo\\z', 'foo\n'), null);
  assert.ok(matches('foo\\Z', 'foo\n'));
  assert.ok(matches('^foo$', 'foo\n'));
  assert.equal(matches('^foo$', 'foo\n\n'), null);
  assert.equal(matches('\\Afoo', 'x\nfoo'), null);
  assert.ok(matches('(?m)^foo$', 'x\nfoo\ny'));
});

test('inline options: leading (?i), (?x) comments and whitespace, (?s) dot, (?n) explicit capture, scoped (?s:…)', () => {
  assert.ok(matches('(?i)^YEALINK', 'yealink SIP-T46S'));
  assert.ok(matches('(?x) ^ Yealink \\s+ (?<model> SIP-\\w+ )  # the model\n', 'Yealink SIP-T46S'));
  assert.equal(matches('a.b', 'a\nb'), null, '. does not match \\n');
  assert.ok(matches('a.b', 'a\rb'), '. matches \\r in .NET');
  assert.ok(matches('(?s)a.b', 'a\nb'));
  assert.ok(matches('x(?s:.)y.', 'x\nyz'));
  assert.equal(matches('x(?s:.)y.', 'x\ny\n'), null, 'the option ends with its group');
  const n = matches('(?n)(a)(?<b>b)', 'ab');
  assert.equal(n?.[1], 'b', 'only the named group captures');
  assert.ok(matches('x(?#a comment)y', 'xy'));
});

test('character classes: subtraction, \\d and \\w are Unicode in .NET, literal brackets and braces', () => {
  assert.ok(matches('^[a-z-[aeiou]]+$', 'bcd'));
  assert.equal(matches('^[a-z-[aeiou]]+$', 'bad'), null);
  assert.ok(matches('^\\d+$', '١٢٣'), 'Arabic-Indic digits are \\d in .NET');
  assert.ok(matches('^\\w+$', 'Grüße'));
  assert.ok(matches('^[\\w.-]+$', 'T46S-1.2'));
  assert.ok(matches('a{,2}', 'a{,2}'), '{,n} is literal in .NET');
  assert.ok(matches('x]', 'x]'));
  assert.ok(matches('\\p{Lu}\\d', 'T4'));
});

test('constructs with no JavaScript equivalent are approximated and located, not errors', () => {
  for (const [pattern, what, input] of [
    ['(?>ab)c', 'atomic groups', 'abc'],
    ['\\Gab', '\\G', 'ab'],
    ['(?<o-c>x)', 'balancing groups', 'x'],
    ['\\p{IsGreek}+', 'Unicode block', 'αβ'],
  ]) {
    const t = translateDotnetRegex(pattern);
    assert.equal(t.error, undefined, pattern);
    assert.equal(t.warnings.length, 1, pattern);
    assert.match(t.warnings[0].message, new RegExp(what.replace(/\\/g, '\\\\')));
    assert.ok(t.regex!.test(input), `${pattern} still matches ${input}`);
  }
  const at = translateDotnetRegex('^Yealink (?>W70B)');
  assert.deepEqual([at.warnings[0].start, at.warnings[0].end], [9, 12]);
});

test('a model regex warning is located at the construct in the .ph.xml; the template still serves User-Agents', () => {
  const text = `<doc>
  <header>
    <models>
      <model ua="SIP-W70B" regex="^Yealink\\s+W70B\\s+(?&gt;(?'fwver'\\S+))\\s+(?'mac'.*)$">Yealink W70B</model>
    </models>
  </header>
  <data><deviceconfig filename="%%mac_address%%.cfg"><![CDATA[x
]]></deviceconfig></data>
</doc>`;
  const env = parseEnvelope('t.fxs.xml', text);
  assert.ok(env.ok);
  const tpl = env.template;
  const p = tpl.problems.filter((x) => x.code === 'threecx-envelope');
  assert.equal(p.length, 1);
  assert.equal(p[0].severity, 'warning');
  assert.match(p[0].message, /atomic groups/);
  assert.equal(text.slice(p[0].start, p[0].end), '(?&gt;', 'the warning covers the construct, entity included');
  const hit = modelForUserAgent(tpl, 'Yealink W70B 146.85.0.20 80:5E:0C:70:00:03');
  assert.equal(hit?.model.label, 'Yealink W70B');
  assert.equal(hit?.mac, '805e0c700003');
  assert.equal(hit?.firmware, '146.85.0.20');
});
