import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any($n)` with all of `values` in one array parameter, cast to the column's
 * type. The statement's text and parameters stay the same whatever the number of values:
 * built in constant time and prepared once per connection, where an IN list costs drizzle
 * a parameter (and its typing) per value — the callback batches' hot path (issue 19).
 */
export function anyOf(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(column.getSQLType())}[])`;
}
