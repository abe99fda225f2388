using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParIndex.Silo.Persistence.Migrations
{
    /// <summary>
    /// The whole schema. Provider-neutral: column types are left to the provider (SQLite: TEXT for
    /// decimals and dates; PostgreSQL: numeric without a fixed scale, date, timestamptz), identity
    /// columns carry both providers' annotations, and the append-only audit has a trigger on each.
    /// </summary>
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(nullable: false),
                    User = table.Column<string>(nullable: false),
                    Origin = table.Column<string>(nullable: false),
                    CycleId = table.Column<string>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false),
                    ItemCode = table.Column<string>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    OldValue = table.Column<string>(nullable: true),
                    NewValue = table.Column<string>(nullable: true),
                    Note = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cycles",
                columns: table => new
                {
                    Id = table.Column<string>(nullable: false),
                    Year = table.Column<int>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    Title = table.Column<string>(nullable: false),
                    ReferenceDate = table.Column<DateOnly>(nullable: true),
                    PreviousCycles = table.Column<string>(nullable: false),
                    Status = table.Column<string>(nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "framework_items",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<string>(nullable: false),
                    FrameworkCode = table.Column<string>(nullable: false),
                    Ordinal = table.Column<int>(nullable: false),
                    FieldCode = table.Column<string>(nullable: false),
                    FieldTitle = table.Column<string>(nullable: false),
                    CriterionCode = table.Column<string>(nullable: false),
                    CriterionTitle = table.Column<string>(nullable: false),
                    ItemCode = table.Column<string>(nullable: false),
                    ItemTitle = table.Column<string>(nullable: false),
                    Max = table.Column<decimal>(nullable: false),
                    Source = table.Column<string>(nullable: false),
                    EvidenceRequired = table.Column<bool>(nullable: false),
                    Guide = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_framework_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "frameworks",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    Code = table.Column<string>(nullable: false),
                    Title = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_frameworks", x => new { x.CycleId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    GroupCode = table.Column<string>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_members", x => new { x.CycleId, x.GroupCode, x.UnitCode });
                });

            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    Code = table.Column<string>(nullable: false),
                    Ordinal = table.Column<int>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    AssessorCode = table.Column<string>(nullable: false),
                    FrameworkCode = table.Column<string>(nullable: false),
                    Members = table.Column<string>(nullable: false),
                    Bands = table.Column<string>(nullable: false),
                    TieBreakers = table.Column<string>(nullable: false),
                    DisplayDecimals = table.Column<int>(nullable: false),
                    NotRanked = table.Column<string>(nullable: false),
                    AllowOver100 = table.Column<bool>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groups", x => new { x.CycleId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "item_values",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false),
                    ItemCode = table.Column<string>(nullable: false),
                    Self = table.Column<decimal>(nullable: true),
                    Appraised = table.Column<decimal>(nullable: true),
                    Survey = table.Column<decimal>(nullable: true),
                    Bonus = table.Column<decimal>(nullable: true),
                    Penalty = table.Column<decimal>(nullable: true),
                    NotApplicableReason = table.Column<string>(nullable: true),
                    SelfNote = table.Column<string>(nullable: true),
                    AppraisedNote = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_values", x => new { x.CycleId, x.UnitCode, x.ItemCode });
                });

            migrationBuilder.CreateTable(
                name: "results",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false),
                    GroupCode = table.Column<string>(nullable: false),
                    Obtained = table.Column<decimal>(nullable: false),
                    Maximum = table.Column<decimal>(nullable: false),
                    Index = table.Column<decimal>(nullable: true),
                    DisplayIndex = table.Column<decimal>(nullable: true),
                    DisplayDecimals = table.Column<int>(nullable: false),
                    Classification = table.Column<string>(nullable: true),
                    Provisional = table.Column<bool>(nullable: false),
                    SelfSubtotal = table.Column<decimal>(nullable: false),
                    AppraisalSubtotal = table.Column<decimal>(nullable: false),
                    SurveySubtotal = table.Column<decimal>(nullable: false),
                    BonusSubtotal = table.Column<decimal>(nullable: false),
                    PenaltySubtotal = table.Column<decimal>(nullable: false),
                    Rank = table.Column<int>(nullable: true),
                    Components = table.Column<string>(nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_results", x => new { x.CycleId, x.UnitCode });
                });

            migrationBuilder.CreateTable(
                name: "scorecards",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false),
                    GroupCode = table.Column<string>(nullable: false),
                    Version = table.Column<long>(nullable: false),
                    Status = table.Column<string>(nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scorecards", x => new { x.CycleId, x.UnitCode });
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Type = table.Column<string>(nullable: false),
                    Level = table.Column<int>(nullable: false),
                    ParentCode = table.Column<string>(nullable: true),
                    ValidFrom = table.Column<DateOnly>(nullable: true),
                    ValidTo = table.Column<DateOnly>(nullable: true),
                    Predecessors = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_CycleId_UnitCode_ItemCode",
                table: "audit",
                columns: new[] { "CycleId", "UnitCode", "ItemCode" });

            migrationBuilder.CreateIndex(
                name: "IX_framework_items_CycleId_FrameworkCode_ItemCode",
                table: "framework_items",
                columns: new[] { "CycleId", "FrameworkCode", "ItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_group_members_CycleId_UnitCode",
                table: "group_members",
                columns: new[] { "CycleId", "UnitCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_results_CycleId_GroupCode",
                table: "results",
                columns: new[] { "CycleId", "GroupCode" });

            migrationBuilder.CreateIndex(
                name: "IX_units_Code",
                table: "units",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_units_ParentCode",
                table: "units",
                column: "ParentCode");

            // The audit is append-only: the database itself refuses to change or remove a line of it.
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;");
                migrationBuilder.Sql("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;");
            }
            else if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                migrationBuilder.Sql("""
                    CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'audit is append-only'; END; $$;
                    """);
                migrationBuilder.Sql("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();");
                migrationBuilder.Sql("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();");
                migrationBuilder.Sql("CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit");

            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                migrationBuilder.Sql("DROP FUNCTION audit_append_only();");

            migrationBuilder.DropTable(
                name: "cycles");

            migrationBuilder.DropTable(
                name: "framework_items");

            migrationBuilder.DropTable(
                name: "frameworks");

            migrationBuilder.DropTable(
                name: "group_members");

            migrationBuilder.DropTable(
                name: "groups");

            migrationBuilder.DropTable(
                name: "item_values");

            migrationBuilder.DropTable(
                name: "results");

            migrationBuilder.DropTable(
                name: "scorecards");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
