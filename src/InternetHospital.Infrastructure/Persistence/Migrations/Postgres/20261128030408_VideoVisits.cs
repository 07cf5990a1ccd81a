using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternetHospital.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VideoVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsultingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultingSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VideoVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DoctorId = table.Column<Guid>(type: "uuid", nullable: false),
                    DoctorAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScheduledStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScheduledEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CheckedInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AdmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReferralReason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    ReferralDetail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VideoVisits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VisitAddenda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AuthorAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitAddenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitAddenda_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitConnections",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PeerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InCallSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitConnections", x => new { x.ConnectionId, x.VisitId });
                    table.ForeignKey(
                        name: "FK_VisitConnections_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitEvents_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpecialistDoctorId = table.Column<Guid>(type: "uuid", nullable: false),
                    SpecialistAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitedByAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitInvitations_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderRole = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitMessages_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitMessages_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitNotes",
                columns: table => new
                {
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChiefComplaint = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    History = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Assessment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Plan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FollowUpAdvice = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FollowUpAppointmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastEditedByAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastEditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignedByAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitNotes", x => x.VisitId);
                    table.ForeignKey(
                        name: "FK_VisitNotes_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitDiagnoses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Icd10Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitDiagnoses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitDiagnoses_VisitNotes_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VisitNotes",
                        principalColumn: "VisitId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultingSessions_AccountId_ExpiresAt",
                table: "ConsultingSessions",
                columns: new[] { "AccountId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VideoVisits_DoctorId_ScheduledStart",
                table: "VideoVisits",
                columns: new[] { "DoctorId", "ScheduledStart" });

            migrationBuilder.CreateIndex(
                name: "IX_VideoVisits_PatientId",
                table: "VideoVisits",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitAddenda_VisitId_Sequence",
                table: "VisitAddenda",
                columns: new[] { "VisitId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitConnections_VisitId_PeerId",
                table: "VisitConnections",
                columns: new[] { "VisitId", "PeerId" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitDiagnoses_VisitId",
                table: "VisitDiagnoses",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitEvents_VisitId_At",
                table: "VisitEvents",
                columns: new[] { "VisitId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitInvitations_SpecialistAccountId",
                table: "VisitInvitations",
                column: "SpecialistAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitInvitations_VisitId_SpecialistAccountId",
                table: "VisitInvitations",
                columns: new[] { "VisitId", "SpecialistAccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitMessages_FileId",
                table: "VisitMessages",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitMessages_VisitId_SentAt",
                table: "VisitMessages",
                columns: new[] { "VisitId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultingSessions");

            migrationBuilder.DropTable(
                name: "VisitAddenda");

            migrationBuilder.DropTable(
                name: "VisitConnections");

            migrationBuilder.DropTable(
                name: "VisitDiagnoses");

            migrationBuilder.DropTable(
                name: "VisitEvents");

            migrationBuilder.DropTable(
                name: "VisitInvitations");

            migrationBuilder.DropTable(
                name: "VisitMessages");

            migrationBuilder.DropTable(
                name: "VisitNotes");

            migrationBuilder.DropTable(
                name: "VideoVisits");
        }
    }
}
