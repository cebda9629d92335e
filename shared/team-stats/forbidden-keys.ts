/**
 * Keys that reach into an object's prototype chain when foreign data is merged or copied
 * carelessly. JSON.parse makes `{"__proto__": …}` an own property rather than a
 * prototype, so a check for own keys catches it before any other code sees the value.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any weekly summary can be; a hostile file nested deeper is refused, not walked. */
const MAX_WALK_DEPTH = 64;

export type ForbiddenKeyFinding = { kind: 'forbidden-key'; key: string; path: string } | { kind: 'too-deep'; path: string };

/**
 * The first own property named `__proto__`, `constructor` or `prototype` found anywhere
 * in `value` (objects and arrays, any depth), or a note that the value nests deeper than
 * MAX_WALK_DEPTH; null when there is neither. Iterative, so a hostile nesting cannot
 * overflow the stack. Reads own property names only: nothing is copied or assigned, so
 * Object.prototype is never touched.
 */
export function findForbiddenKey(value: unknown): ForbiddenKeyFinding | null {
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop();
    if (entry === undefined) break;
    const { node, path, depth } = entry;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_WALK_DEPTH) return { kind: 'too-deep', path };
    const isArray = Array.isArray(node);
    for (const name of Object.getOwnPropertyNames(node)) {
      if (isArray && name === 'length') continue;
      const childPath = path === '' ? name : `${path}.${name}`;
      if (FORBIDDEN_KEYS.has(name)) return { kind: 'forbidden-key', key: name, path: childPath };
      // The descriptor's value, not a property read: a getter on a non-JSON value never runs.
      stack.push({ node: Object.getOwnPropertyDescriptor(node, name)?.value, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}
