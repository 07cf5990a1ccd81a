using InternetHospital.Domain.Accounts;

namespace InternetHospital.Infrastructure.Seeding;

/// <summary>The demo sign-ins (Development only). They share one password, printed at start-up.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Pass-2026";

    public static readonly DemoAccount PatientWithHistory = new("zhangwei@demo.test", "张伟", Roles.Patient, "Patient with an in-person hypertension diagnosis in the HIS");
    public static readonly DemoAccount PatientWithoutHistory = new("wangxiuying@demo.test", "王秀英", Roles.Patient, "Patient without any HIS history");
    public static readonly DemoAccount Cardiologist = new("dr.li@demo.test", "李伟", Roles.Doctor, "Doctor, cardiology");
    public static readonly DemoAccount Endocrinologist = new("dr.wang@demo.test", "王芳", Roles.Doctor, "Doctor, endocrinology");
    public static readonly DemoAccount FamilyDoctor = new("dr.chen@demo.test", "陈静", Roles.Doctor, "Family doctor, Donghu community health centre");
    public static readonly DemoAccount FamilyDoctorTeamMember = new("dr.liu@demo.test", "刘洋", Roles.Doctor, "Family doctor, Donghu community health centre");
    public static readonly DemoAccount Dermatologist = new("dr.zhao@demo.test", "赵敏", Roles.Doctor, "Doctor, dermatology");
    public static readonly DemoAccount Pharmacist = new("pharmacist.sun@demo.test", "孙丽", Roles.Pharmacist, "Pharmacist");
    public static readonly DemoAccount Registrar = new("registrar@demo.test", "林芳", Roles.Registrar, "Registration desk, City First People's Hospital (checks patients in by health code)");
    public static readonly DemoAccount Nurse = new("nurse@demo.test", "何娟", Roles.Nurse, "Community nurse, Donghu community health centre (home visits)");
    /// <summary>The consortium's administrator: a system administrator of every institution, who also adds institutions.</summary>
    public static readonly DemoAccount SystemAdmin = new("admin.zhou@demo.test", "周强", Roles.ConsortiumAdmin, "Consortium administrator (every institution's set-up, HIS link)");

    /// <summary>A system administrator of the Donghu community health centre only (scoped to its institution).</summary>
    public static readonly DemoAccount CommunityAdmin = new("admin.donghu@demo.test", "冯霞", Roles.SystemAdmin, "System administrator, Donghu community health centre");

    public static readonly DemoAccount Crew = new("crew@demo.test", "王磊", Roles.Paramedic, "Ambulance crew (paramedic), City Emergency Medical Centre 市急救中心");
    public static readonly DemoAccount SecondCrew = new("crew2@demo.test", "周勇", Roles.Paramedic, "Ambulance crew (EMT), City Emergency Medical Centre (a second phone)");
    public static readonly DemoAccount EmergencyDoctor = new("ed@demo.test", "郑洁", Roles.EmergencyStaff, "Emergency department, City First People's Hospital (the incoming board)");
    public static readonly DemoAccount StrokeTeam = new("stroke@demo.test", "孙浩", Roles.EmergencyStaff, "Emergency department and stroke team, City First People's Hospital");
    public static readonly DemoAccount SecurityAdmin = new("security.qian@demo.test", "钱敏", Roles.SecurityAdmin, "Security administrator (staff accounts, roles, locks)");
    public static readonly DemoAccount AuditAdmin = new("audit.wu@demo.test", "吴刚", Roles.AuditAdmin, "Audit administrator (reads and verifies the audit log)");
    public static readonly DemoAccount MedicalRecords = new("records@demo.test", "马丽", Roles.MedicalRecords, "Medical records office 病案室, City First People's Hospital (plays visit recordings)");

    /// <summary>One administrator role per account: separation of duties (domain rule 31) forbids one person holding two.</summary>
    public static IReadOnlyList<DemoAccount> Administrators { get; } = [SystemAdmin, SecurityAdmin, AuditAdmin, CommunityAdmin];

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        PatientWithHistory, PatientWithoutHistory, Cardiologist, Endocrinologist, FamilyDoctor,
        FamilyDoctorTeamMember, Dermatologist, Pharmacist, Registrar, Nurse, SystemAdmin, SecurityAdmin, AuditAdmin, CommunityAdmin,
        Crew, SecondCrew, EmergencyDoctor, StrokeTeam,
        MedicalRecords,
    ];
}

public sealed record DemoAccount(string Email, string FullName, string Role, string Description);
