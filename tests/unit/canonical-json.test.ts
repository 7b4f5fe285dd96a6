import { describe, expect, it } from 'vitest';
import { canonicalJson } from '$lib/server/canonicalJson';

describe('canonicalJson', () => {
  it('writes equal values as equal strings whatever the order of their keys, as jsonb gives them back', () => {
    const written = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'é' } };
    const stored = { a: { c: 'é', d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(written)).toBe(canonicalJson(stored));
    expect(canonicalJson(written)).toBe('{"a":{"c":"é","d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('leaves out undefined members as JSON does, and tells different values apart', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson(undefined)).toBe('null');
  });
});
