using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Silo.Persistence.Migrations
{
    /// <summary>
    /// On SQLite, <c>item_values</c> and <c>scorecards</c> become <c>WITHOUT ROWID</c> tables (issue 17): a rowid
    /// table with a composite text key is two B-trees, the rows by rowid and the key's index, and every insert
    /// writes both; a <c>WITHOUT ROWID</c> table is the key's B-tree alone, each key stored once. Both tables
    /// have small rows (under 1/20 of a page, SQLite's guidance) and are written by every import and every
    /// durable write. <c>results</c> stays a rowid table while its rows carry kilobytes of JSON, and the
    /// <c>audit</c> (an integer key, already the rowid) keeps its table and its append-only triggers.
    /// </summary>
    /// <remarks>
    /// PostgreSQL has no rowid (its tables are heaps with separate indexes, whatever the key): nothing to do there.
    /// EF runs a migration's statements in one transaction, so the rebuild is all or nothing. SQLite's procedure
    /// turns foreign keys off around it (steps 1 and 12) because dropping a table deletes its rows, which fires the
    /// actions of keys that lead to it; <c>PRAGMA foreign_keys</c> does nothing inside a transaction, and no key
    /// leads to or from these tables (the schema's only one is role_grants → users), so the rebuild runs with the
    /// keys as they are and the tests run <c>PRAGMA foreign_key_check</c> (step 10) after it.
    /// The model does not change: EF knows nothing of WITHOUT ROWID, hence no Designer file (the snapshot stays).
    /// </remarks>
    [DbContext(typeof(ParIndexDbContext))]
    [Migration("20261204120000_WithoutRowid")]
    public partial class WithoutRowid : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, withoutRowid: true);

        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, withoutRowid: false);

        private static void Rebuild(MigrationBuilder migrationBuilder, bool withoutRowid)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite") return;
            foreach (var table in WithoutRowidSql.Tables)
                foreach (var statement in WithoutRowidSql.Rebuild(table, withoutRowid))
                    migrationBuilder.Sql(statement);
        }
    }
}
