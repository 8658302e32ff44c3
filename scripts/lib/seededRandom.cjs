// A seeded PRNG (mulberry32) for generated inputs in the bench and the tests: tiny, good enough,
// and identical on every machine and Node version (Math.random is not seedable), so a generated
// document or a failing generated case can always be reproduced from its seed.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { rng };
