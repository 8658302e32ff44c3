// goUrl against Go's net/url. The strict rows were produced by Go 1.26.8's url.Parse and
// url.ParseRequestURI (Hydra v26 is built with Go 1.26); the legacy rows follow the Go 1.22
// source (Hydra v2.3), where bracketed hosts and extra colons were not checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialectFor, goParse, goParseRequestURI, hasUserinfo, hostname, port, uncachedForTests, type GoUrlResult } from '../../../server/src/engine/rules/goUrl';

interface Seen {
  error?: string;
  scheme?: string;
  opaque?: string;
  host?: string;
  hostname?: string;
  port?: string;
  path?: string;
  rawQuery?: string;
  fragment?: string;
  userinfo?: boolean;
}

function seen(r: GoUrlResult): Seen {
  if (!r.url) return { error: r.error };
  const u = r.url;
  const all: Seen = { scheme: u.scheme, opaque: u.opaque, host: u.host, hostname: hostname(u), port: port(u), path: u.path, rawQuery: u.rawQuery, fragment: u.fragment, userinfo: hasUserinfo(u) };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== '' && v !== false)) as Seen;
}

// [input, url.Parse, url.ParseRequestURI]
const GO_1_26: [string, Seen, Seen][] = [
  ['https://app.example.com/cb?x=1#frag', { scheme: 'https', host: 'app.example.com', hostname: 'app.example.com', path: '/cb', rawQuery: 'x=1', fragment: 'frag' }, { scheme: 'https', host: 'app.example.com', hostname: 'app.example.com', path: '/cb', rawQuery: 'x=1#frag' }],
  ['callback', { path: 'callback' }, { error: 'parse "callback": invalid URI for request' }],
  ['', {}, { error: 'parse "": empty url' }],
  ['*', { path: '*' }, { path: '*' }],
  ['http://localhost:3000/cb', { scheme: 'http', host: 'localhost:3000', hostname: 'localhost', port: '3000', path: '/cb' }, { scheme: 'http', host: 'localhost:3000', hostname: 'localhost', port: '3000', path: '/cb' }],
  ['http://[::1]:8080/cb', { scheme: 'http', host: '[::1]:8080', hostname: '::1', port: '8080', path: '/cb' }, { scheme: 'http', host: '[::1]:8080', hostname: '::1', port: '8080', path: '/cb' }],
  ['http://[fe80::1%25en0]/', { scheme: 'http', host: '[fe80::1%en0]', hostname: 'fe80::1%en0', path: '/' }, { scheme: 'http', host: '[fe80::1%en0]', hostname: 'fe80::1%en0', path: '/' }],
  ['http://[127.0.0.1]/', { error: 'parse "http://[127.0.0.1]/": invalid IP-literal' }, { error: 'parse "http://[127.0.0.1]/": invalid IP-literal' }],
  ['https://[v1.x]/', { error: 'parse "https://[v1.x]/": invalid host: ParseAddr("v1.x"): unexpected character (at "v1.x")' }, { error: 'parse "https://[v1.x]/": invalid host: ParseAddr("v1.x"): unexpected character (at "v1.x")' }],
  ['http://foo[::1]/', { error: 'parse "http://foo[::1]/": invalid IP-literal' }, { error: 'parse "http://foo[::1]/": invalid IP-literal' }],
  ['http://[::1', { error: "parse \"http://[::1\": missing ']' in host" }, { error: "parse \"http://[::1\": missing ']' in host" }],
  ['https://example.com:abc', { error: 'parse "https://example.com:abc": invalid port ":abc" after host' }, { error: 'parse "https://example.com:abc": invalid port ":abc" after host' }],
  ['http://a:/', { scheme: 'http', host: 'a:', hostname: 'a', path: '/' }, { scheme: 'http', host: 'a:', hostname: 'a', path: '/' }],
  ['http://a:99999/', { scheme: 'http', host: 'a:99999', hostname: 'a', port: '99999', path: '/' }, { scheme: 'http', host: 'a:99999', hostname: 'a', port: '99999', path: '/' }],
  ['HTTP://Example.COM/X', { scheme: 'http', host: 'Example.COM', hostname: 'Example.COM', path: '/X' }, { scheme: 'http', host: 'Example.COM', hostname: 'Example.COM', path: '/X' }],
  ['com.example.app:/oauth2redirect', { scheme: 'com.example.app', path: '/oauth2redirect' }, { scheme: 'com.example.app', path: '/oauth2redirect' }],
  ['app:callback', { scheme: 'app', opaque: 'callback' }, { scheme: 'app', opaque: 'callback' }],
  ['/abs/path', { path: '/abs/path' }, { path: '/abs/path' }],
  ['//host/path', { host: 'host', hostname: 'host', path: '/path' }, { path: '//host/path' }],
  ['a:b/c', { scheme: 'a', opaque: 'b/c' }, { scheme: 'a', opaque: 'b/c' }],
  ['1a:b/x', { error: 'parse "1a:b/x": first path segment in URL cannot contain colon' }, { error: 'parse "1a:b/x": invalid URI for request' }],
  [':foo', { error: 'parse ":foo": missing protocol scheme' }, { error: 'parse ":foo": missing protocol scheme' }],
  ['https://user:pass@host/', { scheme: 'https', host: 'host', hostname: 'host', path: '/', userinfo: true }, { scheme: 'https', host: 'host', hostname: 'host', path: '/', userinfo: true }],
  ['https://@host/', { scheme: 'https', host: 'host', hostname: 'host', path: '/' }, { scheme: 'https', host: 'host', hostname: 'host', path: '/' }],
  ['https://ü@host/', { error: 'parse "https://ü@host/": net/url: invalid userinfo' }, { error: 'parse "https://ü@host/": net/url: invalid userinfo' }],
  ['https://a b/', { error: 'parse "https://a b/": invalid character " " in host name' }, { error: 'parse "https://a b/": invalid character " " in host name' }],
  ['https://a{b}/', { error: 'parse "https://a{b}/": invalid character "{" in host name' }, { error: 'parse "https://a{b}/": invalid character "{" in host name' }],
  ['https://host/a b', { scheme: 'https', host: 'host', hostname: 'host', path: '/a b' }, { scheme: 'https', host: 'host', hostname: 'host', path: '/a b' }],
  ['https://host/%zz', { error: 'parse "https://host/%zz": invalid URL escape "%zz"' }, { error: 'parse "https://host/%zz": invalid URL escape "%zz"' }],
  ['https://ho%41st/', { error: 'parse "https://ho%41st/": invalid URL escape "%41"' }, { error: 'parse "https://ho%41st/": invalid URL escape "%41"' }],
  ['https://h%C3%BCst/', { scheme: 'https', host: 'hüst', hostname: 'hüst', path: '/' }, { scheme: 'https', host: 'hüst', hostname: 'hüst', path: '/' }],
  ['https://host/\t', { error: 'parse "https://host/\\t": net/url: invalid control character in URL' }, { error: 'parse "https://host/\\t": net/url: invalid control character in URL' }],
  ['https://host/?', { scheme: 'https', host: 'host', hostname: 'host', path: '/' }, { scheme: 'https', host: 'host', hostname: 'host', path: '/' }],
  ['https://host/#a%zz', { error: 'parse "https://host/#a%zz": invalid URL escape "%zz"' }, { error: 'parse "https://host/#a%zz": invalid URL escape "%zz"' }],
  ['ftp://x', { scheme: 'ftp', host: 'x', hostname: 'x' }, { scheme: 'ftp', host: 'x', hostname: 'x' }],
  ['http://a:b:80/', { error: 'parse "http://a:b:80/": invalid port ":b:80" after host' }, { error: 'parse "http://a:b:80/": invalid port ":b:80" after host' }],
  ['foo://a:b:80/', { scheme: 'foo', host: 'a:b:80', hostname: 'a:b', port: '80', path: '/' }, { scheme: 'foo', host: 'a:b:80', hostname: 'a:b', port: '80', path: '/' }],
  ['http://user:p@ss@host/', { scheme: 'http', host: 'host', hostname: 'host', path: '/', userinfo: true }, { scheme: 'http', host: 'host', hostname: 'host', path: '/', userinfo: true }],
  ['https://[::ffff:127.0.0.1]/', { scheme: 'https', host: '[::ffff:127.0.0.1]', hostname: '::ffff:127.0.0.1', path: '/' }, { scheme: 'https', host: '[::ffff:127.0.0.1]', hostname: '::ffff:127.0.0.1', path: '/' }],
  ['relative#frag', { path: 'relative', fragment: 'frag' }, { error: 'parse "relative#frag": invalid URI for request' }],
];

test('goUrl parses as Go 1.26 does (Hydra v26)', () => {
  for (const [input, parse, request] of GO_1_26) {
    assert.deepEqual(seen(goParse(input, dialectFor('v26'))), parse, `Parse(${JSON.stringify(input)})`);
    assert.deepEqual(seen(goParseRequestURI(input, dialectFor('v26'))), request, `ParseRequestURI(${JSON.stringify(input)})`);
  }
});

const GO_1_22: [string, Seen][] = [
  ['http://foo[::1]/', { error: 'parse "http://foo[::1]/": invalid port ":1]" after host' }],
  ['https://[v1.x]/', { scheme: 'https', host: '[v1.x]', hostname: 'v1.x', path: '/' }],
  ['http://[127.0.0.1]/', { scheme: 'http', host: '[127.0.0.1]', hostname: '127.0.0.1', path: '/' }],
  ['http://a:b:80/', { scheme: 'http', host: 'a:b:80', hostname: 'a:b', port: '80', path: '/' }],
  ['http://[fe80::1%25en0]:8080/', { scheme: 'http', host: '[fe80::1%en0]:8080', hostname: 'fe80::1%en0', port: '8080', path: '/' }],
];

test('goUrl parses bracketed hosts and extra colons as Go 1.22 does (Hydra v1.11, v2.3)', () => {
  for (const version of ['v1.11', 'v2.3'] as const) {
    for (const [input, parse] of GO_1_22) assert.deepEqual(seen(goParse(input, dialectFor(version))), parse, input);
  }
});

test('the simple-URL shortcut reads every URL it takes exactly as the general parser does', () => {
  const { parseUncached, parseRequestUriUncached, simpleUrl } = uncachedForTests;
  const hosts = ['h', 'Host.Example.COM', 'a-b.c', '127.0.0.1', '', 'x.'];
  const ports = ['', ':', ':0', ':8080', ':99999'];
  const paths = ['', '/', '/a/b', '/A-Z_0.9~x/', '//double', '/.well-known/jwks.json'];
  const schemes = ['https', 'HTTP', 'app+x.y-z', 'com.example.app'];
  let taken = 0;
  for (const scheme of schemes) for (const host of hosts) for (const p of ports) for (const path of paths) {
    const raw = `${scheme}://${host}${p}${path}`;
    const fast = simpleUrl(raw);
    assert.ok(fast, `the shortcut should take ${raw}`);
    taken++;
    for (const dialect of [dialectFor('v2.3'), dialectFor('v26')]) {
      assert.deepEqual(fast, parseUncached(raw, dialect).url, `Parse ${raw}`);
      assert.deepEqual(fast, parseRequestUriUncached(raw, dialect).url, `ParseRequestURI ${raw}`);
    }
  }
  assert.equal(taken, schemes.length * hosts.length * ports.length * paths.length);
  // Anything needing the general parser's judgement is left to it.
  for (const raw of ['https://h/a b', 'https://h/%41', 'https://h/?q', 'https://h/#f', 'https://u@h/', 'https://[::1]/', 'https://a:b:80/', 'https://hüst/', 'relative/path', '/abs', 'mailto:x', '1http://h/']) {
    assert.equal(simpleUrl(raw), undefined, raw);
  }
});
