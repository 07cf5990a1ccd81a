using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternetHospital.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TeamPackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FamilyDoctorTeamPackages",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyDoctorTeamPackages", x => new { x.TeamId, x.PackageId });
                    table.ForeignKey(
                        name: "FK_FamilyDoctorTeamPackages_FamilyDoctorTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "FamilyDoctorTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FamilyDoctorTeamPackages_FamilyServicePackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "FamilyServicePackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyDoctorTeamPackages_PackageId",
                table: "FamilyDoctorTeamPackages",
                column: "PackageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FamilyDoctorTeamPackages");
        }
    }
}
