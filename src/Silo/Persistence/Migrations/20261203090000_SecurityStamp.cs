using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Silo.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SecurityStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing accounts start with an empty stamp; cookies made before carry none, so they end once.
            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "users",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "users");
        }
    }
}
