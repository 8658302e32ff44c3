// goNetip against Go 1.26.8's netip.ParseAddr (error texts) and net.ParseIP(s).IsLoopback().
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopbackIP, parseAddr } from '../../../server/src/engine/rules/goNetip';

// [input, ParseAddr error (undefined: parses), net.ParseIP(input).IsLoopback()]
const ROWS: [string, string | undefined, boolean][] = [
  ['127.0.0.1', undefined, true],
  ['127.1.2.3', undefined, true],
  ['128.0.0.1', undefined, false],
  ['::1', undefined, true],
  ['0:0:0:0:0:0:0:1', undefined, true],
  ['::ffff:127.0.0.1', undefined, true],
  ['::ffff:7f00:1', undefined, true],
  ['::2', undefined, false],
  ['fe80::1%en0', undefined, false],
  ['::1%lo', undefined, false],
  ['01.2.3.4', 'ParseAddr("01.2.3.4"): IPv4 field has octet with leading zero', false],
  ['1.2.3', 'ParseAddr("1.2.3"): IPv4 address too short', false],
  ['1.2.3.4.5', 'ParseAddr("1.2.3.4.5"): IPv4 address too long', false],
  ['256.1.1.1', 'ParseAddr("256.1.1.1"): IPv4 field has value >255', false],
  ['1..2.3', 'ParseAddr("1..2.3"): IPv4 field must have at least one digit (at ".2.3")', false],
  ['v1.x', 'ParseAddr("v1.x"): unexpected character (at "v1.x")', false],
  ['localhost', 'ParseAddr("localhost"): unable to parse IP', false],
  ['', 'ParseAddr(""): unable to parse IP', false],
  ['12345::', 'ParseAddr("12345::"): each group must have 4 or less digits (at "12345::")', false],
  ['1:2:3:4:5:6:7:8:9', 'ParseAddr("1:2:3:4:5:6:7:8:9"): trailing garbage after address (at "9")', false],
  ['1::2::3', 'ParseAddr("1::2::3"): multiple :: in address (at ":3")', false],
  ['::ffff:1.2.3', 'ParseAddr("::ffff:1.2.3"): IPv4 address too short', false],
  ['1:2:3:4:5:6:1.2.3.4', undefined, false],
  [':1', 'ParseAddr(":1"): each colon-separated field must have at least one digit (at ":1")', false],
  ['1:', 'ParseAddr("1:"): colon must be followed by more characters (at ":")', false],
  ['%x', 'ParseAddr("%x"): missing IPv6 address', false],
  ['1.2.3.4%x', 'ParseAddr("1.2.3.4%x"): unexpected character (at "%x")', false],
  ['ü', 'ParseAddr("ü"): unable to parse IP', false],
];

test('parseAddr accepts and rejects as netip.ParseAddr, with its messages', () => {
  for (const [input, error] of ROWS) assert.equal(parseAddr(input).error, error, input);
});

test('isLoopbackIP is net.ParseIP(h).IsLoopback()', () => {
  for (const [input, , loopback] of ROWS) assert.equal(isLoopbackIP(input), loopback, input);
});
