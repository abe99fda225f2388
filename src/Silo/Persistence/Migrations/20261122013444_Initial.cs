using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Silo.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    User = table.Column<string>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", nullable: false),
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cycles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreviousCycles = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cycles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "framework_items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    FrameworkCode = table.Column<string>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldCode = table.Column<string>(type: "TEXT", nullable: false),
                    FieldTitle = table.Column<string>(type: "TEXT", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", nullable: false),
                    CriterionTitle = table.Column<string>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", nullable: false),
                    ItemTitle = table.Column<string>(type: "TEXT", nullable: false),
                    Max = table.Column<decimal>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    EvidenceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Guide = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_framework_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "frameworks",
                columns: table => new
                {
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_frameworks", x => new { x.CycleId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "group_members",
                columns: table => new
                {
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    GroupCode = table.Column<string>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_members", x => new { x.CycleId, x.GroupCode, x.UnitCode });
                });

            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    AssessorCode = table.Column<string>(type: "TEXT", nullable: false),
                    FrameworkCode = table.Column<string>(type: "TEXT", nullable: false),
                    Members = table.Column<string>(type: "TEXT", nullable: false),
                    Bands = table.Column<string>(type: "TEXT", nullable: false),
                    TieBreakers = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayDecimals = table.Column<int>(type: "INTEGER", nullable: false),
                    NotRanked = table.Column<string>(type: "TEXT", nullable: false),
                    AllowOver100 = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groups", x => new { x.CycleId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "item_values",
                columns: table => new
                {
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", nullable: false),
                    Self = table.Column<decimal>(type: "TEXT", nullable: true),
                    Appraised = table.Column<decimal>(type: "TEXT", nullable: true),
                    Survey = table.Column<decimal>(type: "TEXT", nullable: true),
                    Bonus = table.Column<decimal>(type: "TEXT", nullable: true),
                    Penalty = table.Column<decimal>(type: "TEXT", nullable: true),
                    NotApplicableReason = table.Column<string>(type: "TEXT", nullable: true),
                    SelfNote = table.Column<string>(type: "TEXT", nullable: true),
                    AppraisedNote = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_values", x => new { x.CycleId, x.UnitCode, x.ItemCode });
                });

            migrationBuilder.CreateTable(
                name: "results",
                columns: table => new
                {
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", nullable: false),
                    GroupCode = table.Column<string>(type: "TEXT", nullable: false),
                    Obtained = table.Column<decimal>(type: "TEXT", nullable: false),
                    Maximum = table.Column<decimal>(type: "TEXT", nullable: false),
                    Index = table.Column<decimal>(type: "TEXT", nullable: true),
                    DisplayIndex = table.Column<decimal>(type: "TEXT", nullable: true),
                    DisplayDecimals = table.Column<int>(type: "INTEGER", nullable: false),
                    Classification = table.Column<string>(type: "TEXT", nullable: true),
                    Provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    SelfSubtotal = table.Column<decimal>(type: "TEXT", nullable: false),
                    AppraisalSubtotal = table.Column<decimal>(type: "TEXT", nullable: false),
                    SurveySubtotal = table.Column<decimal>(type: "TEXT", nullable: false),
                    BonusSubtotal = table.Column<decimal>(type: "TEXT", nullable: false),
                    PenaltySubtotal = table.Column<decimal>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Components = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_results", x => new { x.CycleId, x.UnitCode });
                });

            migrationBuilder.CreateTable(
                name: "scorecards",
                columns: table => new
                {
                    CycleId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", nullable: false),
                    GroupCode = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scorecards", x => new { x.CycleId, x.UnitCode });
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Predecessors = table.Column<string>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit");

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
