using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Results;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Referrals;

/// <summary>
/// Two-way referral, up: 陈静 at the Donghu community centre refers her patient 张伟 to cardiology with his lipid panel
/// attached; 李伟, the cardiologist, accepts with a reserved referral time; 张伟 books it in one tap on his phone.
/// (A 张伟 of the test's own, signed with 陈静's team, so the demo 张伟 other journeys use stays as he was.)
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReferralJourneyTests(AppFixture app)
{
    private const string Password = "Referral-Journey-2026";

    [Fact]
    public async Task A_community_doctor_refers_up_the_cardiologist_accepts_with_a_slot_and_the_patient_books_in_one_tap()
    {
        var patient = await app.NewPageAsync(phone: true);
        var (email, patientId) = await patient.RegisterPatientWithIdViaApiAsync(Password, "张伟");
        await PrepareAsync(patientId);

        var community = await app.NewPageAsync();
        await community.SignInAsync("dr.chen@demo.test", PageExtensions.DemoPassword);
        await Expect(community.Heading("Workspace")).ToBeVisibleAsync();
        await community.NavigateAsync("Referrals");
        await Expect(community.Heading("Referrals")).ToBeVisibleAsync();
        await community.GetByText("New referral", new() { Exact = true }).ClickAsync();
        await community.GetByRole(AriaRole.Combobox, new() { Name = "Patient" }).FillAsync("张伟");
        await community.GetByRole(AriaRole.Option, new() { Name = "张伟" }).First.ClickAsync();
        await Expect(community.GetByRole(AriaRole.Combobox, new() { Name = "Patient" })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^张伟"));
        await community.Keyboard.PressAsync("Escape");
        await community.GetByRole(AriaRole.Combobox, new() { Name = "Department" }).FillAsync("Cardiology");
        await community.GetByRole(AriaRole.Option, new() { Name = "Cardiology · City First People's Hospital" }).ClickAsync();
        await community.GetByText("Urgent", new() { Exact = true }).ClickAsync();
        await community.GetByLabel("Reason", new() { Exact = true }).FillAsync("血压控制不佳，伴胸闷");
        await community.GetByLabel("Clinical question", new() { Exact = true }).FillAsync("请评估是否需要调整降压方案");
        await community.GetByRole(AriaRole.Checkbox, new() { Name = "血脂四项" }).CheckAsync();
        await community.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        var sent = community.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "张伟" }).First;
        await Expect(sent.GetByText("Sent", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(sent.GetByText("Lab report: 血脂四项")).ToBeVisibleAsync();

        var cardiologist = await app.NewPageAsync();
        await cardiologist.SignInAsync("dr.li@demo.test", PageExtensions.DemoPassword);
        await Expect(cardiologist.Heading("Workspace")).ToBeVisibleAsync();
        await cardiologist.NavigateAsync("Referrals");
        var incoming = cardiologist.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "张伟" }).Filter(new() { HasText = "血压控制不佳" }).First;
        await incoming.GetByRole(AriaRole.Combobox, new() { Name = "Reserved referral time" }).ClickAsync();
        var times = cardiologist.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Option);
        await Expect(times.First).ToBeVisibleAsync();
        await times.First.ClickAsync();
        await incoming.GetByRole(AriaRole.Button, new() { Name = "Accept and propose" }).ClickAsync();
        await Expect(incoming.GetByText("Time proposed", new() { Exact = true })).ToBeVisibleAsync();

        await patient.SignInAsync(email, Password);
        await Expect(patient.Heading("My health")).ToBeVisibleAsync();
        await patient.NavigateAsync("My referrals");
        await Expect(patient.Heading("My referrals")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Book this time" }).ClickAsync();
        await Expect(patient.GetByText("Booked", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(patient.GetByRole(AriaRole.Link, new() { Name = "Open the appointment" })).ToBeVisibleAsync();
        await patient.AssertAccessibleAsync();
        Assert.True(await patient.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways at 375 px");
    }

    /// <summary>The patient signs with 陈静's team, has a released lipid panel, and 李伟 has a reserved referral slot.</summary>
    private async Task PrepareAsync(Guid patientId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var chen = await (from d in db.Doctors join a in db.Users on d.AccountId equals a.Id where a.Email == "dr.chen@demo.test" select d).SingleAsync();
        var team = await (from m in db.FamilyTeamMembers join t in db.FamilyTeams on m.TeamId equals t.Id where m.DoctorId == chen.Id && m.Role == TeamRole.Lead select t).FirstAsync();
        var package = await db.ServicePackages.FirstAsync(p => p.Code == "hypertension");
        var contract = FamilyContract.Apply(patientId, team.Id, package.Id, chen.AccountId, null, now.AddDays(-2));
        contract.Accept(chen.Id, chen.AccountId, now.AddDays(-1));
        db.FamilyContracts.Add(contract);
        db.CareProfiles.Add(CareProfile.Create(patientId, [ChronicConditions.Hypertension], now.AddDays(-1)));

        var hisId = "HIS-E2E-" + Guid.NewGuid().ToString("N")[..8];
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        patient.LinkToHis(hisId);
        db.LabReports.Add(LabReport.Receive(
            hisId,
            new LabReportContent("E2E-" + Guid.NewGuid().ToString("N")[..8], "LIPID", null, "血脂四项", "final", now.AddDays(-3), null, null,
                [new LabObservationContent("LDL", null, "低密度脂蛋白", 4.2m, null, "mmol/L", 0m, 3.4m, null, LabFlag.High, null)]),
            sensitive: false,
            TimeSpan.Zero,
            null,
            now));

        var cardiology = await db.Departments.SingleAsync(d => d.Code == "CARD");
        var seeded = await db.DepartmentReferralSettings.AnyAsync(s => s.DepartmentId == cardiology.Id && s.AcceptsReferrals);
        Assert.True(seeded, "the demo's cardiology takes referrals");

        var li = await (from d in db.Doctors join a in db.Users on d.AccountId equals a.Id where a.Email == "dr.li@demo.test" select d).SingleAsync();
        var slot = await db.Slots
            .Where(s => s.DoctorId == li.Id && s.Status == Domain.Scheduling.SlotStatus.Open && s.OffersInPerson && s.Start > now.AddDays(4) && !db.Appointments.Any(a => a.OccupiedSlotId == s.Id))
            .OrderByDescending(s => s.Start)
            .FirstAsync();
        slot.ReserveForReferrals(slot.Start.AddHours(-48));
        await db.SaveChangesAsync();
    }
}
