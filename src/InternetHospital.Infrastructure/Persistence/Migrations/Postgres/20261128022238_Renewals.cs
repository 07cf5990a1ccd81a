using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternetHospital.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Renewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DrugInteractions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AtcA = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AtcB = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Advice = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AdviceEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrugInteractions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Drugs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AtcCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    GenericName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GenericNameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Strength = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StrengthValue = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    DoseUnit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Form = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FormEn = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MinDailyDose = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    MaxDailyDose = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    MaxDaysSupply = table.Column<int>(type: "integer", nullable: false),
                    ControlCategory = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    MinAge = table.Column<int>(type: "integer", nullable: true),
                    MaxAge = table.Column<int>(type: "integer", nullable: true),
                    AllergyGroups = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drugs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PharmacistDuties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PharmacistAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    PharmacistName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OnDutyAccountId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PharmacistDuties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RenewalRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedByAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Fulfilment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DeliveryAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    NewSymptoms = table.Column<bool>(type: "boolean", nullable: false),
                    SideEffects = table.Column<bool>(type: "boolean", nullable: false),
                    HospitalStay = table.Column<bool>(type: "boolean", nullable: false),
                    Pregnancy = table.Column<bool>(type: "boolean", nullable: false),
                    PatientNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsFlagged = table.Column<bool>(type: "boolean", nullable: false),
                    OpenToAllDoctors = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedByDoctorId = table.Column<Guid>(type: "uuid", nullable: true),
                    DoctorDecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DoctorReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PharmacistReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FeeDue = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PickupCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DispensedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DispensedByAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Carrier = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    TrackingNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    DeliveryStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenewalRequests_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenewalSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Fee = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByAccountId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DrugCodeMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HisCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DrugId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrugCodeMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrugCodeMappings_Drugs_DrugId",
                        column: x => x.DrugId,
                        principalTable: "Drugs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PharmacistReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    PrescriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PharmacistAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    PharmacistName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    Justification = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HighestSeverity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FindingsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PharmacistReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PharmacistReviews_RenewalRequests_RenewalRequestId",
                        column: x => x.RenewalRequestId,
                        principalTable: "RenewalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Prescriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    DoctorId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedByAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    DoctorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Superseded = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Prescriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Prescriptions_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prescriptions_RenewalRequests_RenewalRequestId",
                        column: x => x.RenewalRequestId,
                        principalTable: "RenewalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenewalEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenewalEvents_RenewalRequests_RenewalRequestId",
                        column: x => x.RenewalRequestId,
                        principalTable: "RenewalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenewalItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    DrugId = table.Column<Guid>(type: "uuid", nullable: false),
                    DrugCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DrugName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DrugNameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Strength = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DoseAmount = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    DoseUnit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Route = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DaysSupply = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SourcePrescriber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastDispensedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenewalItems_Drugs_DrugId",
                        column: x => x.DrugId,
                        principalTable: "Drugs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenewalItems_RenewalRequests_RenewalRequestId",
                        column: x => x.RenewalRequestId,
                        principalTable: "RenewalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenewalRouting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    DoctorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalRouting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenewalRouting_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RenewalRouting_RenewalRequests_RenewalRequestId",
                        column: x => x.RenewalRequestId,
                        principalTable: "RenewalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PrescriptionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PrescriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewalItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    DrugId = table.Column<Guid>(type: "uuid", nullable: false),
                    DrugCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DrugName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DrugNameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Strength = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DoseAmount = table.Column<decimal>(type: "numeric(12,4)", precision: 12, scale: 4, nullable: false),
                    DoseUnit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Route = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DaysSupply = table.Column<int>(type: "integer", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrescriptionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrescriptionItems_Drugs_DrugId",
                        column: x => x.DrugId,
                        principalTable: "Drugs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrescriptionItems_Prescriptions_PrescriptionId",
                        column: x => x.PrescriptionId,
                        principalTable: "Prescriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DrugCodeMappings_DrugId",
                table: "DrugCodeMappings",
                column: "DrugId");

            migrationBuilder.CreateIndex(
                name: "IX_DrugCodeMappings_HisCode",
                table: "DrugCodeMappings",
                column: "HisCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrugInteractions_AtcA_AtcB",
                table: "DrugInteractions",
                columns: new[] { "AtcA", "AtcB" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Drugs_AtcCode",
                table: "Drugs",
                column: "AtcCode");

            migrationBuilder.CreateIndex(
                name: "IX_Drugs_Code",
                table: "Drugs",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PharmacistDuties_OnDutyAccountId",
                table: "PharmacistDuties",
                column: "OnDutyAccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PharmacistDuties_PharmacistAccountId",
                table: "PharmacistDuties",
                column: "PharmacistAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_PharmacistReviews_PharmacistAccountId",
                table: "PharmacistReviews",
                column: "PharmacistAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_PharmacistReviews_RenewalRequestId",
                table: "PharmacistReviews",
                column: "RenewalRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PrescriptionItems_DrugId",
                table: "PrescriptionItems",
                column: "DrugId");

            migrationBuilder.CreateIndex(
                name: "IX_PrescriptionItems_PrescriptionId",
                table: "PrescriptionItems",
                column: "PrescriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_DoctorId",
                table: "Prescriptions",
                column: "DoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_PatientId",
                table: "Prescriptions",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_RenewalRequestId_Number",
                table: "Prescriptions",
                columns: new[] { "RenewalRequestId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenewalEvents_RenewalRequestId_Sequence",
                table: "RenewalEvents",
                columns: new[] { "RenewalRequestId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenewalItems_DrugId",
                table: "RenewalItems",
                column: "DrugId");

            migrationBuilder.CreateIndex(
                name: "IX_RenewalItems_PatientId_DrugId",
                table: "RenewalItems",
                columns: new[] { "PatientId", "DrugId" },
                unique: true,
                filter: "\"IsOpen\"");

            migrationBuilder.CreateIndex(
                name: "IX_RenewalItems_RenewalRequestId",
                table: "RenewalItems",
                column: "RenewalRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RenewalRequests_DecidedByDoctorId",
                table: "RenewalRequests",
                column: "DecidedByDoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_RenewalRequests_PatientId_SubmittedAt",
                table: "RenewalRequests",
                columns: new[] { "PatientId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RenewalRequests_PickupCode",
                table: "RenewalRequests",
                column: "PickupCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RenewalRequests_Status_UpdatedAt",
                table: "RenewalRequests",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RenewalRouting_DoctorId",
                table: "RenewalRouting",
                column: "DoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_RenewalRouting_RenewalRequestId",
                table: "RenewalRouting",
                column: "RenewalRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DrugCodeMappings");

            migrationBuilder.DropTable(
                name: "DrugInteractions");

            migrationBuilder.DropTable(
                name: "PharmacistDuties");

            migrationBuilder.DropTable(
                name: "PharmacistReviews");

            migrationBuilder.DropTable(
                name: "PrescriptionItems");

            migrationBuilder.DropTable(
                name: "RenewalEvents");

            migrationBuilder.DropTable(
                name: "RenewalItems");

            migrationBuilder.DropTable(
                name: "RenewalRouting");

            migrationBuilder.DropTable(
                name: "RenewalSettings");

            migrationBuilder.DropTable(
                name: "Prescriptions");

            migrationBuilder.DropTable(
                name: "Drugs");

            migrationBuilder.DropTable(
                name: "RenewalRequests");
        }
    }
}
