using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternetHospital.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HisIntegration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_HisOutbox",
                table: "HisOutbox");

            migrationBuilder.DropIndex(
                name: "IX_HisOutbox_PatientId_CreatedAt",
                table: "HisOutbox");

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "HisOutbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "HisOutbox",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "HisOutbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeadLetteredAt",
                table: "HisOutbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiscardReason",
                table: "HisOutbox",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DiscardedAt",
                table: "HisOutbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TotalAttempts",
                table: "HisOutbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddUniqueConstraint(
                name: "AK_HisOutbox_Id",
                table: "HisOutbox",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_HisOutbox",
                table: "HisOutbox",
                column: "Sequence");

            migrationBuilder.CreateTable(
                name: "HisDeliveryAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HisDeliveryAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HisDeliveryAttempts_HisOutbox_MessageId",
                        column: x => x.MessageId,
                        principalTable: "HisOutbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HisIdentityReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Candidates = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    LinkedHisPatientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HisIdentityReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HisIdentityReviews_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HisOutbox_CreatedAt",
                table: "HisOutbox",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_HisOutbox_PatientId_Sequence",
                table: "HisOutbox",
                columns: new[] { "PatientId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_HisDeliveryAttempts_MessageId_Number",
                table: "HisDeliveryAttempts",
                columns: new[] { "MessageId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HisIdentityReviews_PatientId",
                table: "HisIdentityReviews",
                column: "PatientId",
                unique: true,
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_HisIdentityReviews_Status_CreatedAt",
                table: "HisIdentityReviews",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HisDeliveryAttempts");

            migrationBuilder.DropTable(
                name: "HisIdentityReviews");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_HisOutbox_Id",
                table: "HisOutbox");

            migrationBuilder.DropPrimaryKey(
                name: "PK_HisOutbox",
                table: "HisOutbox");

            migrationBuilder.DropIndex(
                name: "IX_HisOutbox_CreatedAt",
                table: "HisOutbox");

            migrationBuilder.DropIndex(
                name: "IX_HisOutbox_PatientId_Sequence",
                table: "HisOutbox");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "HisOutbox");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "HisOutbox");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "HisOutbox");

            migrationBuilder.DropColumn(
                name: "DeadLetteredAt",
                table: "HisOutbox");

            migrationBuilder.DropColumn(
                name: "DiscardReason",
                table: "HisOutbox");

            migrationBuilder.DropColumn(
                name: "DiscardedAt",
                table: "HisOutbox");

            migrationBuilder.DropColumn(
                name: "TotalAttempts",
                table: "HisOutbox");

            migrationBuilder.AddPrimaryKey(
                name: "PK_HisOutbox",
                table: "HisOutbox",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_HisOutbox_PatientId_CreatedAt",
                table: "HisOutbox",
                columns: new[] { "PatientId", "CreatedAt" });
        }
    }
}
