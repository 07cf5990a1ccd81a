using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Seeding;

/// <summary>
/// A small hospital with a community clinic, doctors (two of them family doctors), a pharmacist, an admin and two
/// patients. Development only: the environment check is here as well as in configuration, so a misconfigured
/// production can never get accounts with a published password.
/// </summary>
internal sealed class DemoDataSeeder(
    AppDbContext db,
    UserManager<Account> users,
    IIdentifierProtector identifiers,
    IHostEnvironment environment,
    IOptions<DemoDataOptions> options,
    TimeProvider clock) : IDataSeeder
{
    public const string HospitalCode = "CFH";
    public const string CommunityCentreCode = "DHCHC";

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !environment.IsDevelopment())
        {
            return;
        }

        // Note: before the "already seeded" check, so a development database from before the administrator roles
        // were split gains the security and audit administrators too.
        string[] mobiles = ["13800000008", "13800000009", "13800000010", "13800000013"];
        foreach (var (administrator, mobile) in DemoAccounts.Administrators.Zip(mobiles))
        {
            if (await users.FindByEmailAsync(administrator.Email) is null)
            {
                await CreateAccountAsync(administrator, mobile, cancellationToken);
            }
        }

        if (await db.Facilities.AnyAsync(f => f.Code == HospitalCode, cancellationToken))
        {
            await AddDeskStaffAsync(cancellationToken);
            await AddInstitutionAdministratorsAsync(cancellationToken);
            await AddMedicalRecordsAsync(cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var hospital = Facility.Create(HospitalCode, "市第一人民医院", "City First People's Hospital", FacilityKind.Hospital);
        var community = Facility.Create(CommunityCentreCode, "东湖社区卫生服务中心", "Donghu Community Health Centre", FacilityKind.CommunityHealthCentre);
        hospital.Update(hospital.Name, hospital.NameEn, FacilityLevel.Tertiary, Facility.DefaultTimeZone, "东湖区解放大道 1 号", "020-12345678");
        community.Update(community.Name, community.NameEn, FacilityLevel.Community, Facility.DefaultTimeZone, "东湖区东湖路 88 号", "020-87654321");
        db.Facilities.AddRange(hospital, community);

        var cardiology = Department.Create(hospital.Id, "CARD", "心血管内科", "Cardiology");
        var endocrinology = Department.Create(hospital.Id, "ENDO", "内分泌科", "Endocrinology");
        var dermatology = Department.Create(hospital.Id, "DERM", "皮肤科", "Dermatology");
        var respiratory = Department.Create(hospital.Id, "RESP", "呼吸内科", "Respiratory Medicine");
        var generalPractice = Department.Create(community.Id, "GP", "全科医学科", "General Practice");
        db.Departments.AddRange(cardiology, endocrinology, dermatology, respiratory, generalPractice);
        await db.SaveChangesAsync(cancellationToken);

        await AddDoctorAsync(DemoAccounts.Cardiologist, cardiology, "主任医师", "Chief Physician", false, "110440100012345", 1998, cancellationToken);
        await AddDoctorAsync(DemoAccounts.Endocrinologist, endocrinology, "副主任医师", "Associate Chief Physician", false, "110440100023456", 2006, cancellationToken);
        await AddDoctorAsync(DemoAccounts.FamilyDoctor, generalPractice, "主治医师", "Attending Physician", true, "110440100034567", 2012, cancellationToken);
        await AddDoctorAsync(DemoAccounts.FamilyDoctorTeamMember, generalPractice, "住院医师", "Resident Physician", true, "110440100045678", 2019, cancellationToken);
        await AddDoctorAsync(DemoAccounts.Dermatologist, dermatology, "主治医师", "Attending Physician", false, "110440100056789", 2010, cancellationToken);
        await CreateAccountAsync(DemoAccounts.Pharmacist, "13800000007", cancellationToken);

        // The demo patients are already matched to their records in the demo HIS (one with history, one without).
        foreach (var demo in DemoPatients.All)
        {
            await AddPatientAsync(demo, now, cancellationToken);
        }

        await AddDemoFamilyAsync(now, cancellationToken);
        await AddDeskStaffAsync(cancellationToken);
        await AddInstitutionAdministratorsAsync(cancellationToken);
        await AddMedicalRecordsAsync(cancellationToken);
    }

    /// <summary>
    /// The hospital's medical-records office (病案室): plays the recordings of the hospital's visits (not the community
    /// centre's). Also run on an existing development database, so it gains the account.
    /// </summary>
    private async Task AddMedicalRecordsAsync(CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(DemoAccounts.MedicalRecords.Email) is not null)
        {
            return;
        }

        var hospital = await db.Facilities.SingleAsync(f => f.Code == HospitalCode, cancellationToken);
        var records = await CreateAccountAsync(DemoAccounts.MedicalRecords, "13800000030", cancellationToken);
        db.StaffMemberships.Add(StaffMembership.Create(records.Id, hospital.Id));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The administrators' institutions: the consortium's administrator works at the hospital (its scope is every
    /// institution anyway), the community centre's administrator only at the centre, so that is all it may change.
    /// </summary>
    private async Task AddInstitutionAdministratorsAsync(CancellationToken cancellationToken)
    {
        var community = await db.Facilities.SingleAsync(f => f.Code == CommunityCentreCode, cancellationToken);
        var hospital = await db.Facilities.SingleAsync(f => f.Code == HospitalCode, cancellationToken);
        foreach (var (demo, facility) in new[] { (DemoAccounts.CommunityAdmin, community), (DemoAccounts.SystemAdmin, hospital) })
        {
            if (await users.FindByEmailAsync(demo.Email) is { } account && !await db.StaffMemberships.AnyAsync(m => m.AccountId == account.Id, cancellationToken))
            {
                db.StaffMemberships.Add(StaffMembership.Create(account.Id, facility.Id));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The staff who scan health codes without a department: the hospital's registration desk and pharmacist, and the
    /// community centre's nurse. Also run on an existing development database, so it gains them.
    /// </summary>
    private async Task AddDeskStaffAsync(CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(DemoAccounts.Registrar.Email) is not null)
        {
            return;
        }

        var hospital = await db.Facilities.SingleAsync(f => f.Code == HospitalCode, cancellationToken);
        var community = await db.Facilities.SingleAsync(f => f.Code == CommunityCentreCode, cancellationToken);
        var registrar = await CreateAccountAsync(DemoAccounts.Registrar, "13800000011", cancellationToken);
        var nurse = await CreateAccountAsync(DemoAccounts.Nurse, "13800000012", cancellationToken);
        var pharmacist = await users.FindByEmailAsync(DemoAccounts.Pharmacist.Email);
        db.StaffMemberships.AddRange(StaffMembership.Create(registrar.Id, hospital.Id), StaffMembership.Create(nurse.Id, community.Id));
        if (pharmacist is not null)
        {
            db.StaffMemberships.Add(StaffMembership.Create(pharmacist.Id, hospital.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The first demo patient acts for a 4-year-old (as guardian: the SPA shows the guardian-presence flow; the child's
    /// montelukast in the demo HIS can be renewed) and for an
    /// elderly parent who consented on paper (a proxy with every scope), so the person switcher has people on <c>dotnet run</c>.
    /// </summary>
    private async Task AddDemoFamilyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holder = await db.PatientAccesses
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a.AccountId, p.FullName, a.Relationship })
            .FirstAsync(r => r.FullName == DemoPatients.ZhangWei.Account.FullName && r.Relationship == PatientRelationship.Self, cancellationToken);
        var demoChild = DemoPatients.Child(DateOnly.FromDateTime(now.UtcDateTime));
        var child = Patient.Register(demoChild.FullName, IdDocumentType.ResidentId, identifiers.Protect(IdDocumentType.ResidentId, demoChild.ResidentId), demoChild.DateOfBirth, demoChild.Sex, string.Empty, now);
        child.LinkToHis(demoChild.HisPatientId);
        db.Patients.Add(child);
        db.PatientAccesses.Add(PatientAccess.Grant(holder.AccountId, child.Id, PatientRelationship.Guardian, FamilyRelation.Child, PatientScope.All, demoChild.DateOfBirth.AddYears(18), holder.AccountId, now));

        const string parentFirst17 = "44010619380502246";
        var parent = Patient.Register("张桂兰", IdDocumentType.ResidentId, identifiers.Protect(IdDocumentType.ResidentId, parentFirst17 + ResidentIdNumber.CheckCharacterFor(parentFirst17)), new DateOnly(1938, 5, 2), Sex.Female, "13900000009", now);
        db.Patients.Add(parent);
        db.PatientAccesses.Add(PatientAccess.Grant(holder.AccountId, parent.Id, PatientRelationship.FamilyProxy, FamilyRelation.Parent, PatientScope.All, null, null, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddDoctorAsync(DemoAccount demo, Department department, string title, string titleEn, bool isFamilyDoctor, string licence, int since, CancellationToken cancellationToken)
    {
        var account = await CreateAccountAsync(demo, "1380000" + licence[^4..], cancellationToken);
        db.Doctors.Add(Doctor.Create(account.Id, department.Id, demo.FullName, title, titleEn, isFamilyDoctor, licence, since));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddPatientAsync(DemoPatient demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var account = await CreateAccountAsync(demo.Account, demo.Mobile, cancellationToken);
        var patient = Patient.Register(demo.Account.FullName, IdDocumentType.ResidentId, identifiers.Protect(IdDocumentType.ResidentId, demo.ResidentId), demo.DateOfBirth, demo.Sex, demo.Mobile, now);
        patient.LinkToHis(demo.HisPatientId);
        db.Patients.Add(patient);
        db.PatientAccesses.Add(PatientAccess.Grant(account.Id, patient.Id, PatientRelationship.Self, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    // Note: demo patients sign in with SMS codes from App_Data/sms (staff never get one).
    private Task<Account> CreateAccountAsync(DemoAccount demo, string mobile, CancellationToken cancellationToken) =>
        users.CreateDemoAccountAsync(demo, mobile, clock.GetUtcNow(), phoneNumberConfirmed: true);
}
