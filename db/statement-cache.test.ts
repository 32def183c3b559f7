import { describe, expect, it } from "vitest";
import SQLite from "better-sqlite3";
import { withStatementCache } from "./statement-cache";

function database() {
  const sqlite = new SQLite(":memory:");
  sqlite.exec("create table t (id integer primary key, name text)");
  sqlite.exec("insert into t (name) values ('a'), ('b'), ('c')");
  return sqlite;
}

describe("statement cache", () => {
  it("hands out the same prepared statement for the same SQL", () => {
    const cached = withStatementCache(database());
    const first = cached.prepare("select name from t where id = ?");
    expect(cached.prepare("select name from t where id = ?")).toBe(first);
    expect(first.all([2])).toEqual([{ name: "b" }]);
  });

  it("keeps at most its size, dropping the least recently used", () => {
    const cached = withStatementCache(database(), 2);
    const a = cached.prepare("select 1");
    const b = cached.prepare("select 2");
    expect(cached.prepare("select 1")).toBe(a); // now "select 2" is the least recently used
    cached.prepare("select 3");
    expect(cached.prepare("select 1")).toBe(a);
    expect(cached.prepare("select 2")).not.toBe(b);
  });

  it("gives a statement that is still being iterated a fresh twin instead of failing", () => {
    const cached = withStatementCache(database());
    const sql = "select id from t order by id";
    const iterator = cached.prepare(sql).iterate([]);
    expect(iterator.next().value).toEqual({ id: 1 });
    // better-sqlite3 throws "This statement is busy executing a query" when a busy statement runs again.
    expect(cached.prepare(sql).all([])).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(iterator.next().value).toEqual({ id: 2 });
  });

  it("still works after the schema changes under a cached statement", () => {
    const sqlite = database();
    const cached = withStatementCache(sqlite);
    expect(cached.prepare("select * from t where id = ?").all([1])).toEqual([{ id: 1, name: "a" }]);
    sqlite.exec("alter table t add column extra text default 'x'");
    expect(cached.prepare("select * from t where id = ?").all([1])).toEqual([{ id: 1, name: "a", extra: "x" }]);
  });
});
