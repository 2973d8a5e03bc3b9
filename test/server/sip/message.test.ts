import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildRequest,
  getHeader,
  getHeaders,
  getTag,
  getVias,
  parseCSeq,
  parseMessage,
  parseVia,
  splitList,
  StreamFramer,
} from '../../../server/src/sip/message';

test('buildRequest: CRLF line ends, blank line, computed Content-Length', () => {
  const text = buildRequest({
    method: 'NOTIFY',
    uri: 'sip:1001@127.0.0.1:5060',
    headers: [
      ['Max-Forwards', '70'],
      ['Event', 'check-sync'],
    ],
  });
  assert.equal(text, 'NOTIFY sip:1001@127.0.0.1:5060 SIP/2.0\r\nMax-Forwards: 70\r\nEvent: check-sync\r\nContent-Length: 0\r\n\r\n');
  assert.equal(buildRequest({ method: 'X', uri: 'sip:a', headers: [], body: 'héllo' }).endsWith('Content-Length: 6\r\n\r\nhéllo'), true);
});

test('buildRequest refuses header injection through CR/LF', () => {
  assert.throws(() => buildRequest({ method: 'NOTIFY', uri: 'sip:a', headers: [['Event', 'check-sync\r\nX-Evil: 1']] }), /line break/);
});

test('parseMessage: response with folded header, compact forms, whitespace around colon, any case', () => {
  const raw = [
    'SIP/2.0 401 Unauthorized',
    'v: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bKaaa;rport=5099;received=127.0.0.1',
    'VIA : SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKproxy , SIP/2.0/TCP [2001:db8::1]:5070;branch=z9hG4bKv6',
    'f: <sip:provisioner@127.0.0.1>;tag=abc',
    't:<sip:1001@127.0.0.1>;tag=xyz',
    'i: call-1@127.0.0.1',
    'cseq:   20   NOTIFY',
    'WWW-Authenticate: Digest realm="phone",',
    '  nonce="n1",',
    '\tqop="auth"',
    'o: check-sync',
    'l: 0',
    '',
    '',
  ].join('\r\n');
  const m = parseMessage(raw)!;
  assert.equal(m.kind, 'response');
  assert.equal(m.status, 401);
  assert.equal(m.reason, 'Unauthorized');
  assert.equal(getHeader(m, 'Call-ID'), 'call-1@127.0.0.1');
  assert.equal(getHeader(m, 'i'), 'call-1@127.0.0.1');
  assert.equal(getHeader(m, 'event'), 'check-sync');
  assert.equal(getHeader(m, 'content-length'), '0');
  assert.equal(getHeader(m, 'www-authenticate'), 'Digest realm="phone", nonce="n1", qop="auth"');
  assert.deepEqual(parseCSeq(getHeader(m, 'CSeq')), { seq: 20, method: 'NOTIFY' });
  assert.equal(getTag(getHeader(m, 'from')), 'abc');
  assert.equal(getTag(getHeader(m, 'to')), 'xyz');
  const vias = getVias(m);
  assert.equal(vias.length, 3);
  assert.equal(getHeaders(m, 'via').length, 2);
  const top = parseVia(vias[0])!;
  assert.equal(top.transport, 'UDP');
  assert.equal(top.host, '127.0.0.1');
  assert.equal(top.port, 5099);
  assert.equal(top.params.branch, 'z9hG4bKaaa');
  assert.equal(top.params.rport, '5099');
  assert.equal(parseVia(vias[1])!.params.branch, 'z9hG4bKproxy');
  const v6 = parseVia(vias[2])!;
  assert.deepEqual([v6.transport, v6.host, v6.port, v6.params.branch], ['TCP', '2001:db8::1', 5070, 'z9hG4bKv6']);
});

test('parseMessage: LF-only line ends, request line, body cut at Content-Length', () => {
  const m = parseMessage('NOTIFY sip:1001@host SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nContent-Length: 3\n\nabcdef')!;
  assert.equal(m.kind, 'request');
  assert.equal(m.method, 'NOTIFY');
  assert.equal(m.uri, 'sip:1001@host');
  assert.equal(m.body, 'abc');
  const via = parseVia(getVias(m)[0])!;
  assert.equal(via.port, undefined);
  assert.equal(via.params.branch, 'z9hG4bK1');
});

test('parseMessage: rejects garbage, tolerates leading CRLF keep-alives and a missing reason phrase', () => {
  assert.equal(parseMessage('hello world\r\n\r\n'), undefined);
  assert.equal(parseMessage(''), undefined);
  const m = parseMessage('\r\n\r\nSIP/2.0 200\r\nCall-ID: x\r\n\r\n')!;
  assert.equal(m.status, 200);
  assert.equal(m.reason, '');
});

test('splitList keeps commas inside quotes and angle brackets', () => {
  assert.deepEqual(splitList('<sip:a,b@h>;x=1, "q,uoted" <sip:c@h> ,d'), ['<sip:a,b@h>;x=1', '"q,uoted" <sip:c@h>', 'd']);
});

test('StreamFramer splits a TCP byte stream on Content-Length, across chunk boundaries', () => {
  const a = 'SIP/2.0 100 Trying\r\nCall-ID: 1\r\nContent-Length: 0\r\n\r\n';
  const b = 'SIP/2.0 200 OK\r\nCall-ID: 1\r\nl: 4\r\n\r\nbody';
  const all = Buffer.from('\r\n\r\n' + a + b);
  const f = new StreamFramer();
  const out: string[] = [];
  for (let i = 0; i < all.length; i += 7) out.push(...f.push(all.subarray(i, i + 7)));
  assert.deepEqual(out, [a, b]);
  assert.equal(parseMessage(out[1])!.body, 'body');
});
