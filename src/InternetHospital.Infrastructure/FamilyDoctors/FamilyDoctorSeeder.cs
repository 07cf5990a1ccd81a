using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.FamilyDoctors;

/// <summary>
/// The demo family-doctor service (Development only, after <see cref="DemoDataSeeder"/>): the four usual service
/// packages, the Donghu team (陈静 lead, 刘洋 member), and a handful of signed patients without sign-ins so the panel
/// has something to show: an open alert, out-of-target readings, an overdue follow-up, a contract in its renewal
/// window and an application waiting. The demo sign-in patients (张伟, 王秀英) are left unsigned so anyone can try
/// applying.
/// </summary>
internal sealed class FamilyDoctorSeeder(
    AppDbContext db,
    IIdentifierProtector identifiers,
    IHostEnvironment environment,
    IOptions<DemoDataOptions> options,
    TimeProvider clock) : IDataSeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !environment.IsDevelopment() || await db.FamilyTeams.AnyAsync(cancellationToken))
        {
            return;
        }

        var community = await db.Facilities.SingleOrDefaultAsync(f => f.Code == DemoDataSeeder.CommunityCentreCode, cancellationToken);
        var lead = await DoctorAsync(DemoAccounts.FamilyDoctor, cancellationToken);
        var member = await DoctorAsync(DemoAccounts.FamilyDoctorTeamMember, cancellationToken);
        if (community is null || lead is null || member is null)
        {
            return;
        }

        var packages = Packages();
        db.ServicePackages.AddRange(packages);
        var team = FamilyDoctorTeam.Create(
            community.Id,
            lead.DepartmentId,
            "东湖社区陈静家庭医生团队",
            "Donghu family-doctor team of Dr Chen Jing",
            "全科医生与社区护士组成的团队，为东湖街道居民提供签约服务、慢病随访和上门服务。",
            "General practitioners and community nurses serving Donghu residents: contracts, chronic-care follow-up and home visits.",
            lead.Id);
        team.AddMember(member.Id);
        db.FamilyTeams.Add(team);
        await db.SaveChangesAsync(cancellationToken);

        await SignedPatientsAsync(team, packages, lead, cancellationToken);
    }

    private static List<ServicePackage> Packages() =>
    [
        ServicePackage.Create(
            "basic", "基础服务包", "Basic package",
            "国家基本公共卫生服务：健康档案、年度健康评估和健康指导。", "National basic public health services: a health record, a yearly health review and advice.",
            ["建立并维护居民健康档案", "每年一次健康评估", "健康教育与用药指导", "在线咨询家庭医生团队"],
            ["Your health record, kept up to date", "A health review every year", "Health education and advice on medicines", "Messages with your family-doctor team"],
            0m, null, FollowUpTemplates.AnnualReview.Code, 1),
        ServicePackage.Create(
            "hypertension", "高血压管理包", "Hypertension management",
            "面向高血压患者：每三个月随访一次，居家血压监测与用药调整。", "For people with high blood pressure: a review every three months, home blood-pressure monitoring and medicine adjustments.",
            ["每三个月一次血压随访", "居家血压记录与异常预警", "用药指导与续方", "每年一次心血管风险评估"],
            ["A blood-pressure review every three months", "Home readings with alerts on dangerous values", "Advice on medicines and renewals", "A yearly cardiovascular risk check"],
            120m, ChronicConditions.Hypertension, FollowUpTemplates.HypertensionReview.Code, 2),
        ServicePackage.Create(
            "diabetes", "糖尿病管理包", "Diabetes management",
            "面向2型糖尿病患者：每三个月复查糖化血红蛋白，居家血糖监测。", "For people with type 2 diabetes: HbA1c every three months and home glucose monitoring.",
            ["每三个月一次糖化血红蛋白复查", "居家血糖记录与低血糖预警", "饮食与运动指导", "每年一次眼底和足部检查"],
            ["HbA1c every three months", "Home glucose readings with low-sugar alerts", "Advice on food and exercise", "A yearly eye and foot check"],
            150m, ChronicConditions.Diabetes, FollowUpTemplates.DiabetesReview.Code, 3),
        ServicePackage.Create(
            "elderly", "老年人健康管理包", "Elderly care",
            "面向65岁及以上老年人：年度体检、跌倒风险评估和上门随访。", "For people aged 65 and over: a yearly check-up, fall-risk assessment and home visits.",
            ["每年一次健康体检", "生活自理能力与跌倒风险评估", "必要时上门随访", "慢病用药核对"],
            ["A yearly check-up", "Self-care and fall-risk assessment", "Home visits when needed", "A review of all your regular medicines"],
            100m, null, FollowUpTemplates.ElderlyCheck.Code, 4),
    ];

    private async Task SignedPatientsAsync(FamilyDoctorTeam team, List<ServicePackage> packages, Doctor lead, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hypertension = packages.Single(p => p.Code == "hypertension");
        var diabetes = packages.Single(p => p.Code == "diabetes");
        var elderly = packages.Single(p => p.Code == "elderly");
        var basic = packages.Single(p => p.Code == "basic");

        // An open alert: a dangerous reading this morning, and the contract is in its renewal window.
        var liu = Sign(Patient("刘建华", "33010219520415183", Sex.Male, "13900001001"), team, hypertension, lead, now.AddDays(-345), [ChronicConditions.Hypertension], RiskLevel.High);
        Reading(liu.Patient, new MeasurementValues(MeasurementKind.BloodPressure, 152, 94, 78), now.AddDays(-3));
        Reading(liu.Patient, new MeasurementValues(MeasurementKind.BloodPressure, 148, 92, 80), now.AddDays(-2));
        var crisis = Reading(liu.Patient, new MeasurementValues(MeasurementKind.BloodPressure, 186, 112, 96), now.AddHours(-2));
        db.MeasurementAlerts.Add(MeasurementAlert.Raise(crisis, liu.Contract, now.AddHours(-2)));

        // Out-of-target glucose and an overdue review.
        var chen = Sign(Patient("陈秀兰", "33010219480702264", Sex.Female, "13900001002"), team, diabetes, lead, now.AddDays(-200), [ChronicConditions.Diabetes, ChronicConditions.Hypertension], RiskLevel.Medium);
        Reading(chen.Patient, new MeasurementValues(MeasurementKind.BloodGlucose, Glucose: 8.4m, GlucoseTiming: GlucoseTiming.Fasting), now.AddDays(-4));
        Reading(chen.Patient, new MeasurementValues(MeasurementKind.BloodGlucose, Glucose: 12.6m, GlucoseTiming: GlucoseTiming.AfterMeal), now.AddDays(-1));
        Plan(chen, FollowUpTemplates.DiabetesReview, lead, now.AddDays(-110), dueDaysAgo: 12);

        var zhao = Sign(Patient("赵国强", "33010219600918337", Sex.Male, "13900001003"), team, diabetes, lead, now.AddDays(-90), [ChronicConditions.Diabetes], RiskLevel.Medium);
        Reading(zhao.Patient, new MeasurementValues(MeasurementKind.BloodGlucose, Glucose: 6.2m, GlucoseTiming: GlucoseTiming.Fasting), now.AddDays(-2));
        Reading(zhao.Patient, new MeasurementValues(MeasurementKind.Weight, WeightKg: 78.5m), now.AddDays(-2));

        var sun = Sign(Patient("孙美玲", "33010219700312448", Sex.Female, "13900001004"), team, basic, lead, now.AddDays(-30), [], RiskLevel.Low);
        Reading(sun.Patient, new MeasurementValues(MeasurementKind.BloodPressure, 118, 76, 70), now.AddDays(-5));

        var zhou = Sign(Patient("周文斌", "33010219450623551", Sex.Male, "13900001005"), team, elderly, lead, now.AddDays(-150), [ChronicConditions.CoronaryHeartDisease, ChronicConditions.Hypertension], RiskLevel.High);
        Reading(zhou.Patient, new MeasurementValues(MeasurementKind.BloodPressure, 136, 84, 58), now.AddDays(-1));
        Plan(zhou, FollowUpTemplates.HypertensionReview, lead, now.AddDays(-150), dueDaysAgo: -20);

        // An application waiting for the team.
        var zheng = Patient("郑海峰", "33010219750104612", Sex.Male, "13900001006");
        db.Patients.Add(zheng);
        db.FamilyContracts.Add(FamilyContract.Apply(zheng.Id, team.Id, hypertension.Id, lead.AccountId, "血压控制不稳定，希望签约随访。", now.AddDays(-1)));

        await db.SaveChangesAsync(cancellationToken);
    }

    private Patient Patient(string name, string first17, Sex sex, string mobile)
    {
        var id = first17 + ResidentIdNumber.CheckCharacterFor(first17);
        var dateOfBirth = DateOnly.ParseExact(first17.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return Domain.Patients.Patient.Register(name, IdDocumentType.ResidentId, identifiers.Protect(IdDocumentType.ResidentId, id), dateOfBirth, sex, mobile, clock.GetUtcNow());
    }

    private (Patient Patient, FamilyContract Contract) Sign(Patient patient, FamilyDoctorTeam team, ServicePackage package, Doctor lead, DateTimeOffset acceptedAt, string[] conditions, RiskLevel risk)
    {
        db.Patients.Add(patient);
        var contract = FamilyContract.Apply(patient.Id, team.Id, package.Id, lead.AccountId, null, acceptedAt.AddDays(-2));
        contract.Accept(lead.Id, lead.AccountId, acceptedAt);
        db.FamilyContracts.Add(contract);
        var profile = CareProfile.Create(patient.Id, conditions, acceptedAt);
        profile.Assess(risk, conditions, lead.Id, acceptedAt);
        db.CareProfiles.Add(profile);
        return (patient, contract);
    }

    private HomeMeasurement Reading(Patient patient, MeasurementValues values, DateTimeOffset at)
    {
        var reading = HomeMeasurement.Record(patient.Id, Guid.Empty, values, at, null, at);
        db.HomeMeasurements.Add(reading);
        return reading;
    }

    private void Plan((Patient Patient, FamilyContract Contract) signed, FollowUpTemplate template, Doctor lead, DateTimeOffset startedAt, int dueDaysAgo)
    {
        var started = DateOnly.FromDateTime(startedAt.UtcDateTime);
        var due = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-dueDaysAgo);
        db.FollowUpPlans.Add(FollowUpPlan.Start(template, signed.Patient.Id, signed.Contract.Id, lead.Id, due < started ? started : due, started, startedAt));
    }

    private async Task<Doctor?> DoctorAsync(DemoAccount demo, CancellationToken cancellationToken) =>
        await (from doctor in db.Doctors
               join account in db.Users on doctor.AccountId equals account.Id
               where account.Email == demo.Email
               select doctor).SingleOrDefaultAsync(cancellationToken);
}
