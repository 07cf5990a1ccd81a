using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InternetHospital.Infrastructure.Persistence.Migrations.Postgres
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "HisOutbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClaimedUntil",
                table: "HisOutbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeadLetteredAt",
                table: "HisOutbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiscardReason",
                table: "HisOutbox",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DiscardedAt",
                table: "HisOutbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TotalAttempts",
                table: "HisOutbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Note: adding an identity column numbers existing rows in physical order; the sequence is the per-patient
            // delivery order, so existing messages are renumbered by when they were written (then id), before the
            // primary key exists (the identity has already been advanced past the row count). Attempts made so far
            // count towards the lifetime total.
            migrationBuilder.Sql("""
                UPDATE "HisOutbox" AS h SET "Sequence" = o.n, "TotalAttempts" = h."Attempts"
                FROM (SELECT "Id", ROW_NUMBER() OVER (ORDER BY "CreatedAt", "Id") AS n FROM "HisOutbox") AS o
                WHERE h."Id" = o."Id";
                """);

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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Instance = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Candidates = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    LinkedHisPatientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
