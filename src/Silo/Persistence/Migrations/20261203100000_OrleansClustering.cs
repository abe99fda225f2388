using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Silo.Persistence.Migrations
{
    /// <summary>
    /// Orleans' membership tables on PostgreSQL, where several nodes form one cluster (ADO.NET clustering on the
    /// shared database), so that no manual SQL step exists. SQLite runs one node with localhost clustering: nothing
    /// to create there. No entity maps these tables: Orleans alone reads and writes them.
    /// </summary>
    [DbContext(typeof(ParIndexDbContext))]
    [Migration("20261203100000_OrleansClustering")]
    public partial class OrleansClustering : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                migrationBuilder.Sql(OrleansClusteringSql.Up);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                migrationBuilder.Sql(OrleansClusteringSql.Down);
        }
    }
}
