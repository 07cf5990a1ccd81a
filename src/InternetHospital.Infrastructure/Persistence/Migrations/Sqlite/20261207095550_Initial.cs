using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InternetHospital.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AmbulanceServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AmbulanceServices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    EmailNotifications = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true),
                    SmsNotifications = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorRoles = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditSeals",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SealedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditSeals", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "ConsultingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultingSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DrugInteractions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtcA = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AtcB = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AdviceEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrugInteractions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Drugs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AtcCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    GenericName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GenericNameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Strength = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StrengthValue = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    DoseUnit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FormEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MinDailyDose = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    MaxDailyDose = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    MaxDaysSupply = table.Column<int>(type: "INTEGER", nullable: false),
                    ControlCategory = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxAge = table.Column<int>(type: "INTEGER", nullable: true),
                    AllergyGroups = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drugs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmailOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Facilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    HisAdapter = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HisEndpoint = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facilities", x => x.Id);
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
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyServicePackages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LabReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HisPatientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MessageControlId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CodeSystem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderingDoctorLicence = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OrderingDoctorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Sensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReleaseDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    HasCritical = table.Column<bool>(type: "INTEGER", nullable: false),
                    CriticalNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MobileCodeLockouts",
                columns: table => new
                {
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MobileCodeLockouts", x => x.Mobile);
                });

            migrationBuilder.CreateTable(
                name: "MobileCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsumedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MobileCodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParametersJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClientSecret = table.Column<string>(type: "TEXT", nullable: true),
                    ClientType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ConsentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayNames = table.Column<string>(type: "TEXT", nullable: true),
                    JsonWebKeySet = table.Column<string>(type: "TEXT", nullable: true),
                    Permissions = table.Column<string>(type: "TEXT", nullable: true),
                    PostLogoutRedirectUris = table.Column<string>(type: "TEXT", nullable: true),
                    Properties = table.Column<string>(type: "TEXT", nullable: true),
                    RedirectUris = table.Column<string>(type: "TEXT", nullable: true),
                    Requirements = table.Column<string>(type: "TEXT", nullable: true),
                    Settings = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictScopes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConcurrencyToken = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Descriptions = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayNames = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Properties = table.Column<string>(type: "TEXT", nullable: true),
                    Resources = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictScopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Patients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false, collation: "ZH_NAME"),
                    IdType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IdNumberCiphertext = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HisPatientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentDiscrepancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProviderReference = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PortalAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    ProviderAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    BillDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentDiscrepancies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentReconciliations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BillDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BillLines = table.Column<int>(type: "INTEGER", nullable: false),
                    Discrepancies = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentReconciliations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PayerAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProviderReference = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefundedAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PharmacistDuties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PharmacistAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PharmacistName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OnDutyAccountId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PharmacistDuties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RenewalSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenewalSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParametersJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VideoVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PatientExcluded = table.Column<bool>(type: "INTEGER", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduledStart = table.Column<long>(type: "INTEGER", nullable: false),
                    ScheduledEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AdmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferralReason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ReferralDetail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRecording = table.Column<bool>(type: "INTEGER", nullable: false),
                    WasRecorded = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordingBlockedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VideoVisits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrewMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrewMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrewMemberships_AmbulanceServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "AmbulanceServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccountSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountSessions_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrugCodeMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HisCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DrugId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "EmailAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EmailMessageId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailAttachments_EmailOutbox_EmailMessageId",
                        column: x => x.EmailMessageId,
                        principalTable: "EmailOutbox",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationFeeRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromFacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToFacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationFeeRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationFeeRules_Facilities_FromFacilityId",
                        column: x => x.FromFacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsultationFeeRules_Facilities_ToFacilityId",
                        column: x => x.ToFacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Departments_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HisOutbox",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeadLetteredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DiscardedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DiscardReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HisOutbox", x => x.Sequence);
                    table.UniqueConstraint("AK_HisOutbox_Id", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HisOutbox_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PathwayTeamMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pathway = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayTeamMembers_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReceivingHospitals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    EdPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivingHospitals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceivingHospitals_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffMemberships_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffMemberships_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FileContents",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileContents", x => x.FileId);
                    table.ForeignKey(
                        name: "FK_FileContents_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LabObservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CodeSystem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    ValueText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Low = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    High = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    RangeText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Flag = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ObservedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LabObservations_LabReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "LabReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictAuthorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CreationDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Properties = table.Column<string>(type: "TEXT", nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "OpenIddictApplications",
                        principalColumn: "Id");
                });

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
                name: "ConsultationConsentGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedByConsultationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationConsentGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationConsentGrants_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Scopes = table.Column<int>(type: "INTEGER", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsentFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AccessId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyInvitations_AspNetUsers_FromAccountId",
                        column: x => x.FromAccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyInvitations_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HealthCodeHolders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handle = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HandleIssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PinHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PinFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    PinLockedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthCodeHolders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthCodeHolders_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HealthCodeScans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScannerAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Nonce = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ScannedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CodeExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthCodeScans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthCodeScans_AmbulanceServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "AmbulanceServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HealthCodeScans_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HealthCodeScans_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PlacedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReleaseReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalHolds_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PatientAccesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Scopes = table.Column<int>(type: "INTEGER", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SharesMessages = table.Column<bool>(type: "INTEGER", nullable: false),
                    SharesResults = table.Column<bool>(type: "INTEGER", nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InvitationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatientAccesses_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PatientAccesses_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RenewalRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttendingName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttendingRelation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    GuardianPresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Fulfilment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeliveryAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NewSymptoms = table.Column<bool>(type: "INTEGER", nullable: false),
                    SideEffects = table.Column<bool>(type: "INTEGER", nullable: false),
                    HospitalStay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Pregnancy = table.Column<bool>(type: "INTEGER", nullable: false),
                    PatientNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsFlagged = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenToAllDoctors = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedByDoctorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DoctorDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoctorReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PharmacistReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FeeDue = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PickupCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DispensedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DispensedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DeliveryStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "SharedStudies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudyInstanceUid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SharedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InstanceCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedStudies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharedStudies_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaticHealthCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaticHealthCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaticHealthCodes_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ProviderEventId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentEvents_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordingConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Consented = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordingConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordingConsents_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordingJobs",
                columns: table => new
                {
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordingJobs", x => x.VisitId);
                    table.ForeignKey(
                        name: "FK_RecordingJobs_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitAddenda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                name: "VisitBroadcasts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BroadcasterAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceConnectionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CommentatorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommentatorConnectionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ServerClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitBroadcasts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitBroadcasts_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitConnections",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PeerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConnectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InCallSince = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                name: "VisitGuests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InvitedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeviceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RedeemedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AdmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitGuests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitGuests_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistDoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvitedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChiefComplaint = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    History = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FollowUpAdvice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FollowUpAppointmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastEditedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastEditedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SignedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                name: "VisitRecordings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Participant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WrappedKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Chunks = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitRecordings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitRecordings_VideoVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "VideoVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentConditions",
                columns: table => new
                {
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ranges = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentConditions", x => x.DepartmentId);
                    table.ForeignKey(
                        name: "FK_DepartmentConditions_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentReferralSettings",
                columns: table => new
                {
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcceptsReferrals = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReleaseHoursBefore = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentReferralSettings", x => x.DepartmentId);
                    table.ForeignKey(
                        name: "FK_DepartmentReferralSettings_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Doctors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false, collation: "ZH_NAME"),
                    Title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IsFamilyDoctor = table.Column<bool>(type: "INTEGER", nullable: false),
                    LicenseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PracticeSinceYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Specialties = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SpecialtiesEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Bio = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BioEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", nullable: false),
                    PhotoFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InPersonFee = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    VideoFee = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    OffersVideoVisits = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Doctors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Doctors_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Doctors_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
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
                    AcceptingApplications = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "EmergencyCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    DestinationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DestinationFacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IdentifiedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    UnknownSex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    EstimatedAge = table.Column<int>(type: "INTEGER", nullable: true),
                    UnknownDescription = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MergedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ChiefComplaint = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OnsetAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastKnownWellAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TriageLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    Pathway = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StrokeScale = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    StrokeScore = table.Column<int>(type: "INTEGER", nullable: true),
                    Stemi = table.Column<bool>(type: "INTEGER", nullable: true),
                    TraumaMechanism = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    PositionAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EtaAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EtaDistanceKm = table.Column<double>(type: "REAL", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FamilyNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyCases_AmbulanceServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "AmbulanceServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmergencyCases_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmergencyCases_ReceivingHospitals_DestinationId",
                        column: x => x.DestinationId,
                        principalTable: "ReceivingHospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyToken = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CreationDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpirationDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    Properties = table.Column<string>(type: "TEXT", nullable: true),
                    RedemptionDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReferenceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenIddictTokens_OpenIddictApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "OpenIddictApplications",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId",
                        column: x => x.AuthorizationId,
                        principalTable: "OpenIddictAuthorizations",
                        principalColumn: "Id");
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
                name: "PharmacistReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrescriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PharmacistAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PharmacistName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HighestSeverity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    FindingsJson = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "RenewalEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrugId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DaysSupply = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SourcePrescriber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastDispensedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    DoseAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    DoseUnit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DrugCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DrugName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrugNameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Strength = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                name: "BroadcastViewers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BroadcastId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BroadcastViewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BroadcastViewers_VisitBroadcasts_BroadcastId",
                        column: x => x.BroadcastId,
                        principalTable: "VisitBroadcasts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitDiagnoses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Icd10Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "VisitRecordingChunks",
                columns: table => new
                {
                    RecordingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitRecordingChunks", x => new { x.RecordingId, x.Index });
                    table.ForeignKey(
                        name: "FK_VisitRecordingChunks_VisitRecordings_RecordingId",
                        column: x => x.RecordingId,
                        principalTable: "VisitRecordings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BlockedPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BlockedPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BlockedPeriods_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestingDoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestingAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromFacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToFacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordSummary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ConsentMethod = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ConsentGivenBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConsentRecordedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsentGivenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FeePaid = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScheduledStart = table.Column<long>(type: "INTEGER", nullable: true),
                    PatientInvited = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeadDoctorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consultations_Departments_ToDepartmentId",
                        column: x => x.ToDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consultations_Doctors_RequestingDoctorId",
                        column: x => x.RequestingDoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consultations_Facilities_FromFacilityId",
                        column: x => x.FromFacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consultations_Facilities_ToFacilityId",
                        column: x => x.ToFacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Consultations_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Prescriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Superseded = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "RenewalRouting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenewalRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false)
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
                name: "ScheduleTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduleTemplates_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Slots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OffersInPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    OffersVideo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BlockedPeriodId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferralHoldUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Slots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Slots_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Slots_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WaitlistEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisitType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferedAppointmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WaitingPatientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitlistEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "FamilyDoctorTeamPackages",
                columns: table => new
                {
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FromDoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromFacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToFacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToDepartmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ClinicalQuestion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedByDoctorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposedSlotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Departments_ToDepartmentId",
                        column: x => x.ToDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Doctors_FromDoctorId",
                        column: x => x.FromDoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Facilities_FromFacilityId",
                        column: x => x.FromFacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Facilities_ToFacilityId",
                        column: x => x.ToFacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_FamilyDoctorTeams_ToTeamId",
                        column: x => x.ToTeamId,
                        principalTable: "FamilyDoctorTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pathway = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyAlerts_EmergencyCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EmergencyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyAttachments_EmergencyCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EmergencyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmergencyAttachments_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AuthorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyMessages_EmergencyCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EmergencyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencySyncItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencySyncItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencySyncItems_EmergencyCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EmergencyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyTimeline",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyTimeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyTimeline_EmergencyCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EmergencyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyTreatments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyTreatments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyTreatments_EmergencyCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EmergencyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyVitals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasuredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HeartRate = table.Column<int>(type: "INTEGER", nullable: true),
                    Systolic = table.Column<int>(type: "INTEGER", nullable: true),
                    Diastolic = table.Column<int>(type: "INTEGER", nullable: true),
                    SpO2 = table.Column<int>(type: "INTEGER", nullable: true),
                    RespiratoryRate = table.Column<int>(type: "INTEGER", nullable: true),
                    Temperature = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    Glucose = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: true),
                    Gcs = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyVitals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyVitals_EmergencyCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "EmergencyCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationAddenda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AuthorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationAddenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationAddenda_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationAttachments_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationEvents_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationOpinions",
                columns: table => new
                {
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SuggestedTests = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SuggestedMedication = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FollowUpInDays = table.Column<int>(type: "INTEGER", nullable: true),
                    SignedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationOpinions", x => x.ConsultationId);
                    table.ForeignKey(
                        name: "FK_ConsultationOpinions_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationSpecialists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationSpecialists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationSpecialists_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsultationSpecialists_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PrescriptionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrescriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenewalItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DrugId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DaysSupply = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    DoseAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    DoseUnit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DrugCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DrugName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrugNameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Strength = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ScheduleSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    InPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    Video = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduleSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScheduleSessions_ScheduleTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "ScheduleTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookedByAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccupiedSlotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActivePatientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LocalDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    VisitType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Fee = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    HoldExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpBasis = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    FollowUpDiagnosisCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProofFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedByDoctorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CancellationReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CancellationNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RescheduleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AttendingAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AttendingName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttendingRelation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    GuardianPresent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "Slots",
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
                name: "ReferralAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralAttachments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ActorAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralEvents_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralMedicines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    DoseAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 4, nullable: false),
                    DoseUnit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DrugCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DrugName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrugNameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Strength = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralMedicines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralMedicines_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FollowUpPlanId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralTasks_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyAlertAcks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyAlertAcks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyAlertAcks_EmergencyAlerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "EmergencyAlerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentReminders",
                columns: table => new
                {
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    For = table.Column<long>(type: "INTEGER", nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentReminders", x => new { x.AppointmentId, x.Kind, x.For });
                    table.ForeignKey(
                        name: "FK_AppointmentReminders_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_AccountSessions_AccountId_EndedAt",
                table: "AccountSessions",
                columns: new[] { "AccountId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AmbulanceServices_Code",
                table: "AmbulanceServices",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_DoctorId_Start",
                table: "Appointments",
                columns: new[] { "DoctorId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PatientId_Start",
                table: "Appointments",
                columns: new[] { "PatientId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_SlotId",
                table: "Appointments",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Status_HoldExpiresAt",
                table: "Appointments",
                columns: new[] { "Status", "HoldExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Status_Start",
                table: "Appointments",
                columns: new[] { "Status", "Start" });

            migrationBuilder.CreateIndex(
                name: "UX_Appointments_ActivePatient_Doctor_Day",
                table: "Appointments",
                columns: new[] { "ActivePatientId", "DoctorId", "LocalDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_Appointments_OccupiedSlotId",
                table: "Appointments",
                column: "OccupiedSlotId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhoneNumber",
                table: "AspNetUsers",
                column: "PhoneNumber");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorAccountId_At",
                table: "AuditEntries",
                columns: new[] { "ActorAccountId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PatientId_At",
                table: "AuditEntries",
                columns: new[] { "PatientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditSeals_EntryId",
                table: "AuditSeals",
                column: "EntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BlockedPeriods_DoctorId_Start",
                table: "BlockedPeriods",
                columns: new[] { "DoctorId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_BroadcastViewers_BroadcastId_AccountId",
                table: "BroadcastViewers",
                columns: new[] { "BroadcastId", "AccountId" });

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
                name: "IX_ConsultationAddenda_ConsultationId_Sequence",
                table: "ConsultationAddenda",
                columns: new[] { "ConsultationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationAttachments_ConsultationId_Kind_Reference",
                table: "ConsultationAttachments",
                columns: new[] { "ConsultationId", "Kind", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationConsentGrants_PatientId_GivenAt",
                table: "ConsultationConsentGrants",
                columns: new[] { "PatientId", "GivenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationEvents_ConsultationId_Sequence",
                table: "ConsultationEvents",
                columns: new[] { "ConsultationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationFeeRules_FromFacilityId_ToFacilityId",
                table: "ConsultationFeeRules",
                columns: new[] { "FromFacilityId", "ToFacilityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationFeeRules_ToFacilityId",
                table: "ConsultationFeeRules",
                column: "ToFacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_FromFacilityId",
                table: "Consultations",
                column: "FromFacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_PatientId_CreatedAt",
                table: "Consultations",
                columns: new[] { "PatientId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_RequestingDoctorId",
                table: "Consultations",
                column: "RequestingDoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_ToDepartmentId_Status",
                table: "Consultations",
                columns: new[] { "ToDepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_ToFacilityId",
                table: "Consultations",
                column: "ToFacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSpecialists_ConsultationId_DoctorId",
                table: "ConsultationSpecialists",
                columns: new[] { "ConsultationId", "DoctorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationSpecialists_DoctorId",
                table: "ConsultationSpecialists",
                column: "DoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultingSessions_AccountId_ExpiresAt",
                table: "ConsultingSessions",
                columns: new[] { "AccountId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CrewMemberships_AccountId_ServiceId",
                table: "CrewMemberships",
                columns: new[] { "AccountId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrewMemberships_ServiceId",
                table: "CrewMemberships",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Code",
                table: "Departments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_FacilityId",
                table: "Departments",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Doctors_AccountId",
                table: "Doctors",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Doctors_DepartmentId",
                table: "Doctors",
                column: "DepartmentId");

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
                name: "IX_EmailAttachments_EmailMessageId",
                table: "EmailAttachments",
                column: "EmailMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_Status_NextAttemptAt",
                table: "EmailOutbox",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAlertAcks_AlertId_AccountId",
                table: "EmergencyAlertAcks",
                columns: new[] { "AlertId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAlerts_CaseId_Pathway_FacilityId",
                table: "EmergencyAlerts",
                columns: new[] { "CaseId", "Pathway", "FacilityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAlerts_FacilityId_RaisedAt",
                table: "EmergencyAlerts",
                columns: new[] { "FacilityId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAttachments_CaseId",
                table: "EmergencyAttachments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyAttachments_FileId",
                table: "EmergencyAttachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyCases_CreatedAt",
                table: "EmergencyCases",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyCases_DestinationFacilityId_Status",
                table: "EmergencyCases",
                columns: new[] { "DestinationFacilityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyCases_DestinationId",
                table: "EmergencyCases",
                column: "DestinationId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyCases_PatientId",
                table: "EmergencyCases",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyCases_ServiceId_Status",
                table: "EmergencyCases",
                columns: new[] { "ServiceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyMessages_CaseId",
                table: "EmergencyMessages",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencySyncItems_CaseId_Sequence",
                table: "EmergencySyncItems",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencySyncItems_Key",
                table: "EmergencySyncItems",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyTimeline_CaseId_Kind",
                table: "EmergencyTimeline",
                columns: new[] { "CaseId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyTreatments_CaseId",
                table: "EmergencyTreatments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyVitals_CaseId_MeasuredAt",
                table: "EmergencyVitals",
                columns: new[] { "CaseId", "MeasuredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_Code",
                table: "Facilities",
                column: "Code",
                unique: true);

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
                name: "IX_FamilyDoctorTeamPackages_PackageId",
                table: "FamilyDoctorTeamPackages",
                column: "PackageId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyDoctorTeams_DepartmentId",
                table: "FamilyDoctorTeams",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyDoctorTeams_FacilityId",
                table: "FamilyDoctorTeams",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyInvitations_FromAccountId_Status",
                table: "FamilyInvitations",
                columns: new[] { "FromAccountId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyInvitations_PatientId_Status",
                table: "FamilyInvitations",
                columns: new[] { "PatientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyInvitations_TokenHash",
                table: "FamilyInvitations",
                column: "TokenHash",
                unique: true);

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
                name: "IX_Files_PatientId_UploadedAt",
                table: "Files",
                columns: new[] { "PatientId", "UploadedAt" });

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
                name: "IX_HealthCodeHolders_Handle",
                table: "HealthCodeHolders",
                column: "Handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthCodeHolders_PatientId",
                table: "HealthCodeHolders",
                column: "PatientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthCodeScans_FacilityId",
                table: "HealthCodeScans",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthCodeScans_Nonce",
                table: "HealthCodeScans",
                column: "Nonce",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthCodeScans_PatientId",
                table: "HealthCodeScans",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthCodeScans_ServiceId",
                table: "HealthCodeScans",
                column: "ServiceId");

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

            migrationBuilder.CreateIndex(
                name: "IX_HisOutbox_CreatedAt",
                table: "HisOutbox",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_HisOutbox_FacilityId",
                table: "HisOutbox",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_HisOutbox_PatientId_Sequence",
                table: "HisOutbox",
                columns: new[] { "PatientId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_HisOutbox_Status_NextAttemptAt",
                table: "HisOutbox",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeMeasurements_PatientId_Flag_MeasuredAt",
                table: "HomeMeasurements",
                columns: new[] { "PatientId", "Flag", "MeasuredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeMeasurements_PatientId_MeasuredAt",
                table: "HomeMeasurements",
                columns: new[] { "PatientId", "MeasuredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LabObservations_ReportId_Sequence",
                table: "LabObservations",
                columns: new[] { "ReportId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_LabReports_HisPatientId_IssuedAt",
                table: "LabReports",
                columns: new[] { "HisPatientId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LabReports_MessageControlId",
                table: "LabReports",
                column: "MessageControlId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabReports_OrderingDoctorLicence_Sensitive_ReleasedAt",
                table: "LabReports",
                columns: new[] { "OrderingDoctorLicence", "Sensitive", "ReleasedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LabReports_SourceId",
                table: "LabReports",
                column: "SourceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_PatientId_ReleasedAt",
                table: "LegalHolds",
                columns: new[] { "PatientId", "ReleasedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_MobileCodes_ClientAddress_CreatedAt",
                table: "MobileCodes",
                columns: new[] { "ClientAddress", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MobileCodes_Mobile_CreatedAt",
                table: "MobileCodes",
                columns: new[] { "Mobile", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AccountId_CreatedAt",
                table: "Notifications",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AccountId_ReadAt",
                table: "Notifications",
                columns: new[] { "AccountId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictApplications_ClientId",
                table: "OpenIddictApplications",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type",
                table: "OpenIddictAuthorizations",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictScopes_Name",
                table: "OpenIddictScopes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type",
                table: "OpenIddictTokens",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_AuthorizationId",
                table: "OpenIddictTokens",
                column: "AuthorizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_ReferenceId",
                table: "OpenIddictTokens",
                column: "ReferenceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PathwayTeamMembers_AccountId",
                table: "PathwayTeamMembers",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_PathwayTeamMembers_FacilityId_Pathway_AccountId",
                table: "PathwayTeamMembers",
                columns: new[] { "FacilityId", "Pathway", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PatientAccesses_AccountId_PatientId",
                table: "PatientAccesses",
                columns: new[] { "AccountId", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_PatientAccesses_PatientId",
                table: "PatientAccesses",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_HisPatientId",
                table: "Patients",
                column: "HisPatientId");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_IdNumberHash",
                table: "Patients",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentDiscrepancies_FoundAt",
                table: "PaymentDiscrepancies",
                column: "FoundAt");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentDiscrepancies_Provider_ProviderReference_Kind",
                table: "PaymentDiscrepancies",
                columns: new[] { "Provider", "ProviderReference", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentEvents_PaymentId",
                table: "PaymentEvents",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentEvents_ProviderEventId",
                table: "PaymentEvents",
                column: "ProviderEventId",
                unique: true,
                filter: "\"ProviderEventId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentReconciliations_Provider_BillDate",
                table: "PaymentReconciliations",
                columns: new[] { "Provider", "BillDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_PayerAccountId_CreatedAt",
                table: "Payments",
                columns: new[] { "PayerAccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_ProviderReference",
                table: "Payments",
                column: "ProviderReference");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Purpose_ReferenceId",
                table: "Payments",
                columns: new[] { "Purpose", "ReferenceId" });

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
                name: "IX_ReceivingHospitals_FacilityId",
                table: "ReceivingHospitals",
                column: "FacilityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordingConsents_VisitId_AccountId",
                table: "RecordingConsents",
                columns: new[] { "VisitId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordingJobs_CompletedAt",
                table: "RecordingJobs",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralAttachments_ReferralId_Kind_ItemId",
                table: "ReferralAttachments",
                columns: new[] { "ReferralId", "Kind", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralEvents_ReferralId_Sequence",
                table: "ReferralEvents",
                columns: new[] { "ReferralId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralMedicines_ReferralId",
                table: "ReferralMedicines",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_FromDoctorId",
                table: "Referrals",
                column: "FromDoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_FromFacilityId",
                table: "Referrals",
                column: "FromFacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PatientId_CreatedAt",
                table: "Referrals",
                columns: new[] { "PatientId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ToDepartmentId_Status",
                table: "Referrals",
                columns: new[] { "ToDepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ToFacilityId",
                table: "Referrals",
                column: "ToFacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ToTeamId_Status",
                table: "Referrals",
                columns: new[] { "ToTeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralTasks_ReferralId",
                table: "ReferralTasks",
                column: "ReferralId");

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

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleSessions_TemplateId",
                table: "ScheduleSessions",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduleTemplates_DoctorId",
                table: "ScheduleTemplates",
                column: "DoctorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SharedStudies_PatientId_StudyInstanceUid",
                table: "SharedStudies",
                columns: new[] { "PatientId", "StudyInstanceUid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SharedStudies_StudyInstanceUid",
                table: "SharedStudies",
                column: "StudyInstanceUid");

            migrationBuilder.CreateIndex(
                name: "IX_Slots_DepartmentId_Start",
                table: "Slots",
                columns: new[] { "DepartmentId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Slots_DoctorId_LocalDate",
                table: "Slots",
                columns: new[] { "DoctorId", "LocalDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Slots_DoctorId_Start",
                table: "Slots",
                columns: new[] { "DoctorId", "Start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Slots_Status_Start",
                table: "Slots",
                columns: new[] { "Status", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutbox_Status_NextAttemptAt",
                table: "SmsOutbox",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffMemberships_AccountId_FacilityId",
                table: "StaffMemberships",
                columns: new[] { "AccountId", "FacilityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffMemberships_FacilityId",
                table: "StaffMemberships",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_StaticHealthCodes_CodeHash",
                table: "StaticHealthCodes",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaticHealthCodes_PatientId",
                table: "StaticHealthCodes",
                column: "PatientId");

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
                name: "IX_VisitBroadcasts_EndedAt",
                table: "VisitBroadcasts",
                column: "EndedAt");

            migrationBuilder.CreateIndex(
                name: "IX_VisitBroadcasts_VisitId_EndedAt",
                table: "VisitBroadcasts",
                columns: new[] { "VisitId", "EndedAt" });

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
                name: "IX_VisitGuests_TokenHash",
                table: "VisitGuests",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitGuests_VisitId",
                table: "VisitGuests",
                column: "VisitId");

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

            migrationBuilder.CreateIndex(
                name: "IX_VisitRecordings_RecordedAt",
                table: "VisitRecordings",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_VisitRecordings_VisitId",
                table: "VisitRecordings",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_DoctorId_Date_Status_CreatedAt",
                table: "WaitlistEntries",
                columns: new[] { "DoctorId", "Date", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_PatientId",
                table: "WaitlistEntries",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_WaitingPatientId_DoctorId_Date",
                table: "WaitlistEntries",
                columns: new[] { "WaitingPatientId", "DoctorId", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountSessions");

            migrationBuilder.DropTable(
                name: "AppointmentReminders");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "AuditSeals");

            migrationBuilder.DropTable(
                name: "BlockedPeriods");

            migrationBuilder.DropTable(
                name: "BroadcastViewers");

            migrationBuilder.DropTable(
                name: "CareConditions");

            migrationBuilder.DropTable(
                name: "ConsultationAddenda");

            migrationBuilder.DropTable(
                name: "ConsultationAttachments");

            migrationBuilder.DropTable(
                name: "ConsultationConsentGrants");

            migrationBuilder.DropTable(
                name: "ConsultationEvents");

            migrationBuilder.DropTable(
                name: "ConsultationFeeRules");

            migrationBuilder.DropTable(
                name: "ConsultationOpinions");

            migrationBuilder.DropTable(
                name: "ConsultationSpecialists");

            migrationBuilder.DropTable(
                name: "ConsultingSessions");

            migrationBuilder.DropTable(
                name: "CrewMemberships");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DepartmentConditions");

            migrationBuilder.DropTable(
                name: "DepartmentReferralSettings");

            migrationBuilder.DropTable(
                name: "DrugCodeMappings");

            migrationBuilder.DropTable(
                name: "DrugInteractions");

            migrationBuilder.DropTable(
                name: "EmailAttachments");

            migrationBuilder.DropTable(
                name: "EmergencyAlertAcks");

            migrationBuilder.DropTable(
                name: "EmergencyAttachments");

            migrationBuilder.DropTable(
                name: "EmergencyMessages");

            migrationBuilder.DropTable(
                name: "EmergencySyncItems");

            migrationBuilder.DropTable(
                name: "EmergencyTimeline");

            migrationBuilder.DropTable(
                name: "EmergencyTreatments");

            migrationBuilder.DropTable(
                name: "EmergencyVitals");

            migrationBuilder.DropTable(
                name: "FamilyContractEvents");

            migrationBuilder.DropTable(
                name: "FamilyDoctorTeamMembers");

            migrationBuilder.DropTable(
                name: "FamilyDoctorTeamPackages");

            migrationBuilder.DropTable(
                name: "FamilyInvitations");

            migrationBuilder.DropTable(
                name: "FamilyMessageAttachments");

            migrationBuilder.DropTable(
                name: "FileContents");

            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropTable(
                name: "HealthCodeHolders");

            migrationBuilder.DropTable(
                name: "HealthCodeScans");

            migrationBuilder.DropTable(
                name: "HisDeliveryAttempts");

            migrationBuilder.DropTable(
                name: "HisIdentityReviews");

            migrationBuilder.DropTable(
                name: "LabObservations");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "MeasurementAlerts");

            migrationBuilder.DropTable(
                name: "MobileCodeLockouts");

            migrationBuilder.DropTable(
                name: "MobileCodes");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OpenIddictScopes");

            migrationBuilder.DropTable(
                name: "OpenIddictTokens");

            migrationBuilder.DropTable(
                name: "PathwayTeamMembers");

            migrationBuilder.DropTable(
                name: "PatientAccesses");

            migrationBuilder.DropTable(
                name: "PaymentDiscrepancies");

            migrationBuilder.DropTable(
                name: "PaymentEvents");

            migrationBuilder.DropTable(
                name: "PaymentReconciliations");

            migrationBuilder.DropTable(
                name: "PharmacistDuties");

            migrationBuilder.DropTable(
                name: "PharmacistReviews");

            migrationBuilder.DropTable(
                name: "PrescriptionItems");

            migrationBuilder.DropTable(
                name: "RecordingConsents");

            migrationBuilder.DropTable(
                name: "RecordingJobs");

            migrationBuilder.DropTable(
                name: "ReferralAttachments");

            migrationBuilder.DropTable(
                name: "ReferralEvents");

            migrationBuilder.DropTable(
                name: "ReferralMedicines");

            migrationBuilder.DropTable(
                name: "ReferralTasks");

            migrationBuilder.DropTable(
                name: "RenewalEvents");

            migrationBuilder.DropTable(
                name: "RenewalItems");

            migrationBuilder.DropTable(
                name: "RenewalRouting");

            migrationBuilder.DropTable(
                name: "RenewalSettings");

            migrationBuilder.DropTable(
                name: "ScheduleSessions");

            migrationBuilder.DropTable(
                name: "SharedStudies");

            migrationBuilder.DropTable(
                name: "SmsOutbox");

            migrationBuilder.DropTable(
                name: "StaffMemberships");

            migrationBuilder.DropTable(
                name: "StaticHealthCodes");

            migrationBuilder.DropTable(
                name: "VisitAddenda");

            migrationBuilder.DropTable(
                name: "VisitConnections");

            migrationBuilder.DropTable(
                name: "VisitDiagnoses");

            migrationBuilder.DropTable(
                name: "VisitEvents");

            migrationBuilder.DropTable(
                name: "VisitGuests");

            migrationBuilder.DropTable(
                name: "VisitInvitations");

            migrationBuilder.DropTable(
                name: "VisitMessages");

            migrationBuilder.DropTable(
                name: "VisitRecordingChunks");

            migrationBuilder.DropTable(
                name: "WaitlistEntries");

            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "VisitBroadcasts");

            migrationBuilder.DropTable(
                name: "CareProfiles");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "EmailOutbox");

            migrationBuilder.DropTable(
                name: "EmergencyAlerts");

            migrationBuilder.DropTable(
                name: "FamilyMessages");

            migrationBuilder.DropTable(
                name: "FollowUpPlans");

            migrationBuilder.DropTable(
                name: "HisOutbox");

            migrationBuilder.DropTable(
                name: "LabReports");

            migrationBuilder.DropTable(
                name: "HomeMeasurements");

            migrationBuilder.DropTable(
                name: "OpenIddictAuthorizations");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "Prescriptions");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "Drugs");

            migrationBuilder.DropTable(
                name: "ScheduleTemplates");

            migrationBuilder.DropTable(
                name: "VisitNotes");

            migrationBuilder.DropTable(
                name: "Files");

            migrationBuilder.DropTable(
                name: "VisitRecordings");

            migrationBuilder.DropTable(
                name: "Slots");

            migrationBuilder.DropTable(
                name: "EmergencyCases");

            migrationBuilder.DropTable(
                name: "FamilyMessageThreads");

            migrationBuilder.DropTable(
                name: "OpenIddictApplications");

            migrationBuilder.DropTable(
                name: "RenewalRequests");

            migrationBuilder.DropTable(
                name: "VideoVisits");

            migrationBuilder.DropTable(
                name: "Doctors");

            migrationBuilder.DropTable(
                name: "AmbulanceServices");

            migrationBuilder.DropTable(
                name: "ReceivingHospitals");

            migrationBuilder.DropTable(
                name: "FamilyContracts");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "FamilyDoctorTeams");

            migrationBuilder.DropTable(
                name: "FamilyServicePackages");

            migrationBuilder.DropTable(
                name: "Patients");

            migrationBuilder.DropTable(
                name: "Departments");

            migrationBuilder.DropTable(
                name: "Facilities");
        }
    }
}
