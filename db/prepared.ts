import type { Db } from "./index.ts";

/**
 * Prepares a module's statements once per database handle and hands back the same set on
 * every later call: `const q = prepared((db) => ({ byId: db.prepare(...) }))`.
 */
export function prepared<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let stmts = cache.get(db);
    if (!stmts) {
      stmts = build(db);
      cache.set(db, stmts);
    }
    return stmts;
  };
}
