using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParIndex.Silo.Persistence.Migrations
{
    /// <summary>
    /// A scores import is audited as one batch (the file's name, SHA-256, row count; its copy is stored under the hash)
    /// and the scorecards it touched, instead of one audit row per value set where none was. Both tables are part of the
    /// audit, so they are append-only like it.
    /// </summary>
    public partial class ImportBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_batches",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<string>(nullable: false),
                    At = table.Column<DateTimeOffset>(nullable: false),
                    User = table.Column<string>(nullable: false),
                    Origin = table.Column<string>(nullable: false),
                    FileName = table.Column<string>(nullable: false),
                    Sha256 = table.Column<string>(nullable: false),
                    Size = table.Column<long>(nullable: false),
                    RowCount = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "import_batch_units",
                columns: table => new
                {
                    BatchId = table.Column<long>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false),
                    CycleId = table.Column<string>(nullable: false),
                    FirstLine = table.Column<int>(nullable: false),
                    LastLine = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_batch_units", x => new { x.BatchId, x.UnitCode });
                    table.ForeignKey(
                        name: "FK_import_batch_units_import_batches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "import_batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_import_batch_units_CycleId_UnitCode",
                table: "import_batch_units",
                columns: new[] { "CycleId", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_import_batches_CycleId",
                table: "import_batches",
                column: "CycleId");

            // Append-only, as the audit (20261122013444_Initial): the database refuses to change or remove a batch.
            foreach (var table in AppendOnly)
            {
                if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
                {
                    migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
                    migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
                }
                else if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                {
                    // The audit's function: its message names the audit, which these tables are part of.
                    migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION audit_append_only();");
                    migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION audit_append_only();");
                    migrationBuilder.Sql($"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();");
                }
            }
        }

        private static readonly string[] AppendOnly = ["import_batches", "import_batch_units"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_batch_units");

            migrationBuilder.DropTable(
                name: "import_batches");
        }
    }
}
