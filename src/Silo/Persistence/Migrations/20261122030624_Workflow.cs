using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParIndex.Silo.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Workflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DeadlineException",
                table: "scorecards",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Returns",
                table: "scorecards",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "scorecards",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SelfAssessmentDeadline",
                table: "cycles",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evidence",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<string>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false),
                    ItemCode = table.Column<string>(nullable: false),
                    FileName = table.Column<string>(nullable: false),
                    ContentType = table.Column<string>(nullable: false),
                    Size = table.Column<long>(nullable: false),
                    Sha256 = table.Column<string>(nullable: false),
                    UploadedBy = table.Column<string>(nullable: false),
                    At = table.Column<DateTimeOffset>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "publications",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    GroupCode = table.Column<string>(nullable: false),
                    Version = table.Column<int>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    Decision = table.Column<string>(nullable: false),
                    DecisionDate = table.Column<DateOnly>(nullable: false),
                    Signer = table.Column<string>(nullable: true),
                    Reason = table.Column<string>(nullable: true),
                    User = table.Column<string>(nullable: false),
                    At = table.Column<DateTimeOffset>(nullable: false),
                    Snapshot = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publications", x => new { x.CycleId, x.GroupCode, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserName = table.Column<string>(nullable: false),
                    DisplayName = table.Column<string>(nullable: false),
                    PasswordHash = table.Column<string>(nullable: false),
                    FailedAttempts = table.Column<int>(nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "role_grants",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(nullable: false),
                    Role = table.Column<string>(nullable: false),
                    Scope = table.Column<string>(nullable: false),
                    Groups = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_role_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_role_grants_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_CycleId_UnitCode_ItemCode",
                table: "evidence",
                columns: new[] { "CycleId", "UnitCode", "ItemCode" });

            migrationBuilder.CreateIndex(
                name: "IX_role_grants_UserId",
                table: "role_grants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_users_UserName",
                table: "users",
                column: "UserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence");

            migrationBuilder.DropTable(
                name: "publications");

            migrationBuilder.DropTable(
                name: "role_grants");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropColumn(
                name: "DeadlineException",
                table: "scorecards");

            migrationBuilder.DropColumn(
                name: "Returns",
                table: "scorecards");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "scorecards");

            migrationBuilder.DropColumn(
                name: "SelfAssessmentDeadline",
                table: "cycles");
        }
    }
}
