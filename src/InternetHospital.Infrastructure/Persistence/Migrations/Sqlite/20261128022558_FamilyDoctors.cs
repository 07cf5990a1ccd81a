using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternetHospital.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FamilyDoctors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareProfiles",
                columns: table => new
                {
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    PendingRenewalRequests = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssessedByDoctorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareProfiles", x => x.PatientId);
                    table.ForeignKey(
                        name: "FK_CareProfiles_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyDoctorTeams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AcceptingApplications = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyDoctorTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyDoctorTeams_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyDoctorTeams_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyServicePackages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Includes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IncludesEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnnualFee = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    ConditionCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FollowUpTemplateCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyServicePackages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Systolic = table.Column<int>(type: "INTEGER", nullable: true),
                    Diastolic = table.Column<int>(type: "INTEGER", nullable: true),
                    HeartRate = table.Column<int>(type: "INTEGER", nullable: true),
                    Glucose = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    GlucoseTiming = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    WeightKg = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    MeasuredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Flag = table.Column<int>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeMeasurements_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareConditions",
                columns: table => new
                {
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareConditions", x => new { x.PatientId, x.Code });
                    table.ForeignKey(
                        name: "FK_CareConditions_CareProfiles_PatientId",
                        column: x => x.PatientId,
                        principalTable: "CareProfiles",
                        principalColumn: "PatientId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FamilyDoctorTeamMembers",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyDoctorTeamMembers", x => new { x.TeamId, x.DoctorId });
                    table.ForeignKey(
                        name: "FK_FamilyDoctorTeamMembers_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyDoctorTeamMembers_FamilyDoctorTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "FamilyDoctorTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FamilyContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByDoctorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Terms = table.Column<int>(type: "INTEGER", nullable: false),
                    RenewalRequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RenewalReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyContracts_FamilyDoctorTeams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "FamilyDoctorTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyContracts_FamilyServicePackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "FamilyServicePackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyContracts_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyContractEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyContractEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyContractEvents_FamilyContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "FamilyContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyMessageThreads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastMessageAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyMessageThreads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyMessageThreads_FamilyContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "FamilyContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IntervalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedByDoctorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StoppedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpPlans_FamilyContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "FamilyContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpPlans_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeasurementAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasurementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedByDoctorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurementAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasurementAlerts_FamilyContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "FamilyContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasurementAlerts_HomeMeasurements_MeasurementId",
                        column: x => x.MeasurementId,
                        principalTable: "HomeMeasurements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SenderAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadByAccountId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyMessages_FamilyMessageThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "FamilyMessageThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedByDoctorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AppointmentStartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_FollowUpPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "FollowUpPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyMessageAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyMessageAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyMessageAttachments_FamilyMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "FamilyMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyMessageAttachments_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareConditions_Code_PatientId",
                table: "CareConditions",
                columns: new[] { "Code", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_CareProfiles_PendingRenewalRequests",
                table: "CareProfiles",
                column: "PendingRenewalRequests");

            migrationBuilder.CreateIndex(
                name: "IX_CareProfiles_RiskLevel",
                table: "CareProfiles",
                column: "RiskLevel");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContractEvents_ContractId_Sequence",
                table: "FamilyContractEvents",
                columns: new[] { "ContractId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContracts_OnePerPatient",
                table: "FamilyContracts",
                column: "PatientId",
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Active')");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContracts_PackageId",
                table: "FamilyContracts",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContracts_PatientId_AppliedAt",
                table: "FamilyContracts",
                columns: new[] { "PatientId", "AppliedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContracts_Status_EndsAt",
                table: "FamilyContracts",
                columns: new[] { "Status", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyContracts_TeamId_Status_EndsAt",
                table: "FamilyContracts",
                columns: new[] { "TeamId", "Status", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyDoctorTeamMembers_DoctorId",
                table: "FamilyDoctorTeamMembers",
                column: "DoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyDoctorTeams_DepartmentId",
                table: "FamilyDoctorTeams",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyDoctorTeams_FacilityId",
                table: "FamilyDoctorTeams",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMessageAttachments_FileId",
                table: "FamilyMessageAttachments",
                column: "FileId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMessageAttachments_MessageId",
                table: "FamilyMessageAttachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMessages_PatientId_TeamId_Side_ReadAt",
                table: "FamilyMessages",
                columns: new[] { "PatientId", "TeamId", "Side", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMessages_ThreadId_SentAt",
                table: "FamilyMessages",
                columns: new[] { "ThreadId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMessageThreads_ContractId",
                table: "FamilyMessageThreads",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMessageThreads_PatientId_LastMessageAt",
                table: "FamilyMessageThreads",
                columns: new[] { "PatientId", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyMessageThreads_TeamId_LastMessageAt",
                table: "FamilyMessageThreads",
                columns: new[] { "TeamId", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyServicePackages_Code",
                table: "FamilyServicePackages",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPlans_ContractId",
                table: "FollowUpPlans",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpPlans_PatientId_TemplateCode",
                table: "FollowUpPlans",
                columns: new[] { "PatientId", "TemplateCode" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_PatientId_Status_DueOn",
                table: "FollowUpTasks",
                columns: new[] { "PatientId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_PlanId",
                table: "FollowUpTasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeMeasurements_PatientId_Flag_MeasuredAt",
                table: "HomeMeasurements",
                columns: new[] { "PatientId", "Flag", "MeasuredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeMeasurements_PatientId_MeasuredAt",
                table: "HomeMeasurements",
                columns: new[] { "PatientId", "MeasuredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementAlerts_ContractId",
                table: "MeasurementAlerts",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementAlerts_MeasurementId",
                table: "MeasurementAlerts",
                column: "MeasurementId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementAlerts_PatientId_AcknowledgedAt",
                table: "MeasurementAlerts",
                columns: new[] { "PatientId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementAlerts_TeamId_AcknowledgedAt_RaisedAt",
                table: "MeasurementAlerts",
                columns: new[] { "TeamId", "AcknowledgedAt", "RaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareConditions");

            migrationBuilder.DropTable(
                name: "FamilyContractEvents");

            migrationBuilder.DropTable(
                name: "FamilyDoctorTeamMembers");

            migrationBuilder.DropTable(
                name: "FamilyMessageAttachments");

            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropTable(
                name: "MeasurementAlerts");

            migrationBuilder.DropTable(
                name: "CareProfiles");

            migrationBuilder.DropTable(
                name: "FamilyMessages");

            migrationBuilder.DropTable(
                name: "FollowUpPlans");

            migrationBuilder.DropTable(
                name: "HomeMeasurements");

            migrationBuilder.DropTable(
                name: "FamilyMessageThreads");

            migrationBuilder.DropTable(
                name: "FamilyContracts");

            migrationBuilder.DropTable(
                name: "FamilyDoctorTeams");

            migrationBuilder.DropTable(
                name: "FamilyServicePackages");
        }
    }
}
