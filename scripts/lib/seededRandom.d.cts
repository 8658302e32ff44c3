/** A seeded PRNG: the same seed gives the same sequence of numbers in [0, 1) everywhere. */
export function rng(seed: number): () => number;
