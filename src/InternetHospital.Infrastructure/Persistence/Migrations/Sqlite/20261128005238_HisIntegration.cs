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
            // Note: SQLite cannot change a primary key in place, so the outbox table is rebuilt here by hand rather
            // than by EF's generic rebuild: existing messages get their Sequence (the per-patient delivery order) by
            // when they were written (then id), which EF's copy would leave to the order SQLite happens to read rows
            // in. It runs inside the migration's transaction; no other table refers to HisOutbox yet.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_HisOutbox" (
                    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_HisOutbox" PRIMARY KEY AUTOINCREMENT,
                    "Attempts" INTEGER NOT NULL,
                    "ClaimedBy" TEXT NULL,
                    "ClaimedUntil" INTEGER NULL,
                    "CreatedAt" INTEGER NOT NULL,
                    "DeadLetteredAt" INTEGER NULL,
                    "DeliveredAt" INTEGER NULL,
                    "DiscardReason" TEXT NULL,
                    "DiscardedAt" INTEGER NULL,
                    "Id" TEXT NOT NULL,
                    "Kind" TEXT NOT NULL,
                    "LastError" TEXT NULL,
                    "NextAttemptAt" INTEGER NOT NULL,
                    "PatientId" TEXT NOT NULL,
                    "Payload" TEXT NOT NULL,
                    "Status" TEXT NOT NULL,
                    "TotalAttempts" INTEGER NOT NULL,
                    CONSTRAINT "AK_HisOutbox_Id" UNIQUE ("Id")
                );
                INSERT INTO "ef_temp_HisOutbox" ("Sequence", "Attempts", "CreatedAt", "DeliveredAt", "Id", "Kind", "LastError", "NextAttemptAt", "PatientId", "Payload", "Status", "TotalAttempts")
                SELECT ROW_NUMBER() OVER (ORDER BY "CreatedAt", "Id"), "Attempts", "CreatedAt", "DeliveredAt", "Id", "Kind", "LastError", "NextAttemptAt", "PatientId", "Payload", "Status", "Attempts"
                FROM "HisOutbox";
                DROP TABLE "HisOutbox";
                ALTER TABLE "ef_temp_HisOutbox" RENAME TO "HisOutbox";
                CREATE INDEX "IX_HisOutbox_Status_NextAttemptAt" ON "HisOutbox" ("Status", "NextAttemptAt");
                CREATE INDEX "IX_HisOutbox_PatientId_Sequence" ON "HisOutbox" ("PatientId", "Sequence");
                CREATE INDEX "IX_HisOutbox_CreatedAt" ON "HisOutbox" ("CreatedAt");
                """);

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
