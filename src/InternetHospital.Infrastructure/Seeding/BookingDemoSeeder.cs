using InternetHospital.Application.Common;
using InternetHospital.Application.Scheduling;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Scheduling;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Seeding;

/// <summary>
/// Booking's demo data on top of the demo hospital (Development only, like <see cref="DemoDataSeeder"/>): the doctors'
/// profiles and fees, each department's follow-up conditions, weekly timetables every day of the week, and the
/// slots of the coming weeks.
/// </summary>
internal sealed class BookingDemoSeeder(
    AppDbContext db,
    SlotPlanner planner,
    IHostEnvironment environment,
    IOptions<DemoDataOptions> options,
    IOptions<HospitalOptions> hospital,
    TimeProvider clock) : IDataSeeder
{
    private static readonly Dictionary<string, string[]> Conditions = new(StringComparer.Ordinal)
    {
        ["CARD"] = ["I10-I15", "I20-I25", "I48", "I50", "E78"],
        ["ENDO"] = ["E03", "E05", "E10-E14", "E66", "E78"],
        ["DERM"] = ["B35", "L20-L30", "L40", "L70"],
        ["RESP"] = ["J30", "J44", "J45"],
        ["GP"] = ["E10-E14", "E78", "I10-I15", "J44", "J45", "K21", "M15-M19"],
    };

    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !environment.IsDevelopment())
        {
            return;
        }

        var departments = await db.Departments.ToListAsync(cancellationToken);
        foreach (var department in departments.Where(d => Conditions.ContainsKey(d.Code)))
        {
            if (!await db.DepartmentConditions.AnyAsync(c => c.DepartmentId == department.Id, cancellationToken))
            {
                db.DepartmentConditions.Add(DepartmentConditions.Create(department.Id, Conditions[department.Code]));
            }
        }

        // Note: cardiology takes referrals from the community centre (two-way referral); which of its slots are held
        // back is the admin's choice (Admin → Referrals), so public booking in the demo stays as it was.
        if (departments.FirstOrDefault(d => d.Code == "CARD") is { } cardiology
            && !await db.DepartmentReferralSettings.AnyAsync(s => s.DepartmentId == cardiology.Id, cancellationToken))
        {
            db.DepartmentReferralSettings.Add(Domain.Referrals.DepartmentReferralSettings.Create(cardiology.Id, acceptsReferrals: true, releaseHoursBefore: 48));
        }

        await db.SaveChangesAsync(cancellationToken);

        var today = SlotClock.Today(clock, hospital.Value);
        foreach (var demo in Profiles)
        {
            var doctor = await (
                from d in db.Doctors
                join a in db.Users on d.AccountId equals a.Id
                where a.Email == demo.Email
                select d).SingleOrDefaultAsync(cancellationToken);
            if (doctor is null || await db.ScheduleTemplates.AnyAsync(t => t.DoctorId == doctor.Id, cancellationToken))
            {
                continue;
            }

            doctor.UpdateProfile(doctor.FullName, doctor.DepartmentId, doctor.Title, doctor.TitleEn, doctor.IsFamilyDoctor, demo.Specialties, demo.SpecialtiesEn, demo.Bio, demo.BioEn, demo.Languages);
            doctor.SetFees(demo.InPersonFee, demo.VideoFee);
            doctor.SetVideoVisits(doctor.IsEligibleForOnlinePractice(today), today);

            var template = ScheduleTemplate.Create(doctor.Id, clock.GetUtcNow());
            var sessions = Enum.GetValues<DayOfWeek>().SelectMany(day => demo.Sessions.Select(s => s with { Day = day })).ToList();
            template.ReplaceSessions(sessions, doctor.CanSeeOnVideo(today), clock.GetUtcNow());
            db.ScheduleTemplates.Add(template);
            await planner.PlanAsync(doctor, template, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            // Note: the weeks of slots just saved would stay tracked, and every later save of the seeding (the next
            // doctors', the family doctors', each Identity save) would detect changes over all of them three times (the
            // audit and availability interceptors and SaveChanges each do). Nothing below uses them.
            db.ChangeTracker.Clear();
        }
    }

    private static readonly DemoProfile[] Profiles =
    [
        new(DemoAccounts.Cardiologist.Email, "高血压、冠心病、心律失常、心力衰竭", "Hypertension, coronary heart disease, arrhythmia, heart failure",
            "从事心血管内科临床工作二十余年，擅长高血压和冠心病的长期管理。", "Over twenty years in cardiology; focuses on the long-term care of hypertension and coronary heart disease.",
            ["zh-CN", "en"], 50m, 40m,
            [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0), 30, InPerson: true, Video: true), new(DayOfWeek.Monday, new TimeOnly(14, 0), new TimeOnly(17, 0), 20, InPerson: false, Video: true)]),
        new(DemoAccounts.Endocrinologist.Email, "糖尿病、甲状腺疾病、肥胖", "Diabetes, thyroid disease, obesity",
            "擅长糖尿病的综合管理与胰岛素治疗。", "Comprehensive diabetes care and insulin therapy.",
            ["zh-CN"], 30m, 25m,
            [new(DayOfWeek.Monday, new TimeOnly(8, 30), new TimeOnly(11, 30), 30, InPerson: true, Video: true)]),
        new(DemoAccounts.FamilyDoctor.Email, "慢病随访、家庭医生签约服务", "Chronic disease follow-up, family-doctor contract services",
            "东湖社区家庭医生团队负责人。", "Leads the Donghu community family-doctor team.",
            ["zh-CN", "en"], 10m, 10m,
            [new(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(11, 0), 20, InPerson: true, Video: true), new(DayOfWeek.Monday, new TimeOnly(13, 30), new TimeOnly(16, 30), 20, InPerson: true, Video: false)]),
        new(DemoAccounts.FamilyDoctorTeamMember.Email, "慢病随访、健康管理", "Chronic disease follow-up, health management",
            "东湖社区家庭医生团队成员。", "Member of the Donghu community family-doctor team.",
            ["zh-CN"], 10m, 10m,
            [new(DayOfWeek.Monday, new TimeOnly(13, 30), new TimeOnly(16, 30), 20, InPerson: true, Video: true)]),
        new(DemoAccounts.Dermatologist.Email, "湿疹、银屑病、痤疮", "Eczema, psoriasis, acne",
            "擅长慢性皮肤病的规范化治疗。", "Evidence-based treatment of chronic skin conditions.",
            ["zh-CN", "en"], 30m, 25m,
            [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0), 30, InPerson: true, Video: true)]),
    ];

    private sealed record DemoProfile(string Email, string Specialties, string SpecialtiesEn, string Bio, string BioEn, string[] Languages, decimal InPersonFee, decimal VideoFee, SessionSpec[] Sessions);
}
