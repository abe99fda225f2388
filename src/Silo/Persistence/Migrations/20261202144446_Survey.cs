using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParIndex.Silo.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Survey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "questionnaires",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    Code = table.Column<string>(nullable: false),
                    Ordinal = table.Column<int>(nullable: false),
                    GroupCode = table.Column<string>(nullable: false),
                    Definition = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questionnaires", x => new { x.CycleId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "survey_answers",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<string>(nullable: false),
                    RespondentId = table.Column<string>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false),
                    Questionnaire = table.Column<string>(nullable: false),
                    QuestionCode = table.Column<string>(nullable: false),
                    OptionCode = table.Column<string>(nullable: false),
                    Origin = table.Column<string>(nullable: false),
                    At = table.Column<DateTimeOffset>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_answers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "survey_links",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CycleId = table.Column<string>(nullable: false),
                    TokenHash = table.Column<string>(nullable: false),
                    Questionnaire = table.Column<string>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                    CreatedBy = table.Column<string>(nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "survey_quotas",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    UnitCode = table.Column<string>(nullable: false),
                    Questionnaire = table.Column<string>(nullable: false),
                    Target = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_quotas", x => new { x.CycleId, x.UnitCode, x.Questionnaire });
                });

            migrationBuilder.CreateTable(
                name: "survey_rounds",
                columns: table => new
                {
                    CycleId = table.Column<string>(nullable: false),
                    Status = table.Column<string>(nullable: false),
                    ClosesOn = table.Column<DateOnly>(nullable: true),
                    MinimumAnswers = table.Column<int>(nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(nullable: true),
                    UpdatedBy = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_rounds", x => x.CycleId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_survey_answers_respondent",
                table: "survey_answers",
                columns: new[] { "CycleId", "UnitCode", "Questionnaire", "RespondentId", "QuestionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_links_CycleId_UnitCode",
                table: "survey_links",
                columns: new[] { "CycleId", "UnitCode" });

            migrationBuilder.CreateIndex(
                name: "IX_survey_links_TokenHash",
                table: "survey_links",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "questionnaires");

            migrationBuilder.DropTable(
                name: "survey_answers");

            migrationBuilder.DropTable(
                name: "survey_links");

            migrationBuilder.DropTable(
                name: "survey_quotas");

            migrationBuilder.DropTable(
                name: "survey_rounds");
        }
    }
}
