using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Silo.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LockoutByName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedAttempts",
                table: "users");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "users");

            migrationBuilder.CreateTable(
                name: "sign_in_failures",
                columns: table => new
                {
                    UserName = table.Column<string>(nullable: false),
                    FailedAttempts = table.Column<int>(nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_failures", x => x.UserName);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_failures");

            migrationBuilder.AddColumn<int>(
                name: "FailedAttempts",
                table: "users",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                table: "users",
                nullable: true);
        }
    }
}
