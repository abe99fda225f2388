namespace ParIndex.Silo.Persistence.Migrations;

/// <summary>
/// SQLite's table rebuild (https://www.sqlite.org/lang_altertable.html#otheralter) for the tables that
/// <see cref="WithoutRowid"/> turns into <c>WITHOUT ROWID</c> tables and back. Each definition is the text EF
/// wrote for the table (Initial, then Workflow's ADD COLUMNs on scorecards, as SQLite appends them), so a
/// rebuilt table has the same columns, types, NOT NULLs, defaults, collations (none) and primary key name.
/// </summary>
internal static class WithoutRowidSql
{
    /// <param name="Definition">What goes between the parentheses of CREATE TABLE, exactly as in sqlite_master.</param>
    /// <param name="Key">The primary key's columns: rows are copied in key order, so the new B-tree fills page by page.</param>
    internal sealed record Table(string Name, string Definition, string Columns, string Key);

    /// <summary>A value per item of a scorecard: about 35 bytes a row, written 1.83 M times by a national import.</summary>
    public static readonly Table ItemValues = new("item_values", """

            "CycleId" TEXT NOT NULL,
            "UnitCode" TEXT NOT NULL,
            "ItemCode" TEXT NOT NULL,
            "Self" TEXT NULL,
            "Appraised" TEXT NULL,
            "Survey" TEXT NULL,
            "Bonus" TEXT NULL,
            "Penalty" TEXT NULL,
            "NotApplicableReason" TEXT NULL,
            "SelfNote" TEXT NULL,
            "AppraisedNote" TEXT NULL,
            CONSTRAINT "PK_item_values" PRIMARY KEY ("CycleId", "UnitCode", "ItemCode")

        """,
        "\"CycleId\", \"UnitCode\", \"ItemCode\", \"Self\", \"Appraised\", \"Survey\", \"Bonus\", \"Penalty\", \"NotApplicableReason\", \"SelfNote\", \"AppraisedNote\"",
        "\"CycleId\", \"UnitCode\", \"ItemCode\"");

    /// <summary>
    /// A scorecard's version and workflow: about 85 bytes a row ("Returns" is "{}" until items are returned),
    /// its version rewritten by every durable write.
    /// </summary>
    public static readonly Table Scorecards = new("scorecards", """

            "CycleId" TEXT NOT NULL,
            "UnitCode" TEXT NOT NULL,
            "GroupCode" TEXT NOT NULL,
            "Version" INTEGER NOT NULL,
            "Status" TEXT NOT NULL,
            "UpdatedAt" TEXT NOT NULL, "DeadlineException" INTEGER NOT NULL DEFAULT 0, "Returns" TEXT NOT NULL DEFAULT '', "Round" INTEGER NOT NULL DEFAULT 0,
            CONSTRAINT "PK_scorecards" PRIMARY KEY ("CycleId", "UnitCode")

        """,
        "\"CycleId\", \"UnitCode\", \"GroupCode\", \"Version\", \"Status\", \"UpdatedAt\", \"DeadlineException\", \"Returns\", \"Round\"",
        "\"CycleId\", \"UnitCode\"");

    public static readonly IReadOnlyList<Table> Tables = [ItemValues, Scorecards];

    /// <summary>
    /// Steps 4 to 7 of SQLite's procedure: create the new table, copy the rows, drop the old one, rename the new
    /// one. Neither table has an index besides its primary key, nor a trigger or a view (step 8: nothing to
    /// recreate), and no foreign key leads to or from either (steps 1, 10 and 12: see <see cref="WithoutRowid"/>).
    /// </summary>
    public static IEnumerable<string> Rebuild(Table table, bool withoutRowid)
    {
        var temporary = $"\"new_{table.Name}\"";
        yield return $"CREATE TABLE {temporary} ({table.Definition}){(withoutRowid ? " WITHOUT ROWID" : "")};";
        yield return $"INSERT INTO {temporary} ({table.Columns}) SELECT {table.Columns} FROM \"{table.Name}\" ORDER BY {table.Key};";
        yield return $"DROP TABLE \"{table.Name}\";";
        yield return $"ALTER TABLE {temporary} RENAME TO \"{table.Name}\";";
    }
}
