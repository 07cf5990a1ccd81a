using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.FamilyDoctors;
using InternetHospital.Domain.Hospital;
using InternetHospital.Domain.Patients;
using InternetHospital.E2ETests.Infrastructure;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InternetHospital.E2ETests.Consultations;

/// <summary>
/// Remote consultation (远程会诊) by video: 张伟 consents in the app; 刘洋 at the Donghu community centre asks a
/// respiratory specialist of the city hospital; the specialist schedules it, opens the video room, both doctors see
/// each other (real WebRTC between headless Chromium contexts with fake cameras, asserted on decoded frames), and the
/// specialist signs the opinion, which 刘洋 and 张伟 then read.
/// Note: a 张伟 of the test's own (signed with a team of 刘洋's) and a specialist of its own, so no
/// other journey's doctor gets a confirmed session of visits here (the video and imaging journeys expect the
/// password step for 李伟, 陈静, 赵敏 and 王芳), and nothing depends on the time of day.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConsultationJourneyTests(AppFixture app) : IAsyncLifetime
{
    private const string Password = "Consultation-Journey-2026";
    private const string Specialist = "孙明";
    private const string Department = "Respiratory Medicine";

    private readonly List<IPage> pages = [];

    [Fact]
    public async Task A_community_doctor_asks_a_specialist_they_meet_on_video_and_the_signed_opinion_comes_back()
    {
        var patient = await NewPageAsync(phone: true);
        var (email, idNumber) = await RegisterAsync(patient);
        var specialistEmail = await PrepareAsync(email);

        // 张伟 consents in the app (domain rule 28): the doctor's next request within 14 days uses it.
        await patient.SignInAsync(email, Password);
        await Expect(patient.Heading("My health")).ToBeVisibleAsync();
        await patient.NavigateAsync("My consultations");
        await Expect(patient.Heading("My consultations")).ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "I consent to a remote consultation" }).ClickAsync();
        await Expect(patient.GetByText("Consent given by 张伟 on")).ToBeVisibleAsync();

        // 刘洋 asks for a video consultation with the specialist.
        var requester = await DoctorAsync("dr.liu@demo.test", PageExtensions.DemoPassword);
        await requester.NavigateAsync("Remote consultations");
        await Expect(requester.Heading("Remote consultations")).ToBeVisibleAsync();
        await requester.GetByText("New request", new() { Exact = true }).ClickAsync();
        var form = requester.Locator("form[aria-label='Ask for a remote consultation']");
        await ChooseAsync(form.GetByLabel("Patient", new() { Exact = true }), $"张伟 · {IdentifierMask.Mask(idNumber)}");
        await ChooseAsync(form.GetByLabel("Institution", new() { Exact = true }), "City First People's Hospital");
        await ChooseAsync(form.GetByLabel("Department", new() { Exact = true }), Department);
        await ChooseAsync(form.GetByLabel("Specialists (optional: otherwise any doctor of the department)", new() { Exact = true }), $"{Specialist} · Attending Physician");
        await requester.Keyboard.PressAsync("Escape");
        await form.GetByLabel("Question for the specialist").FillAsync("反复咳嗽气喘三月，肺功能是否需要进一步评估？");
        await form.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        var outgoing = requester.GetByRole(AriaRole.Listitem, new() { Name = $"Consultation with {Department}" }).Filter(new() { HasText = "张伟" });
        await Expect(outgoing.GetByText("Requested", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(outgoing.GetByText(new System.Text.RegularExpressions.Regex("given in the app by 张伟"))).ToBeVisibleAsync();
        await requester.AssertAccessibleAsync();

        // The specialist accepts with a time (tomorrow, so the hour the test runs does not matter) and opens the room.
        var specialist = await DoctorAsync(specialistEmail, Password);
        await specialist.NavigateAsync("Remote consultations");
        var incoming = specialist.GetByRole(AriaRole.Listitem, new() { Name = $"Consultation with {Department}" }).Filter(new() { HasText = "张伟" });
        await Expect(incoming.GetByText("反复咳嗽气喘三月")).ToBeVisibleAsync();
        await incoming.GetByLabel("Time", new() { Exact = true }).FillAsync(DateTime.Now.AddDays(1).ToString("yyyy-MM-dd'T'10:00", System.Globalization.CultureInfo.InvariantCulture));
        await incoming.GetByRole(AriaRole.Button, new() { Name = "Accept and schedule" }).ClickAsync();
        await Expect(incoming.GetByText("Scheduled", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(incoming.GetByText($"{Specialist} (lead)")).ToBeVisibleAsync();
        await incoming.GetByRole(AriaRole.Button, new() { Name = "Start the video consultation" }).ClickAsync();
        await Expect(incoming.GetByText("In progress", new() { Exact = true })).ToBeVisibleAsync();
        await incoming.GetByRole(AriaRole.Link, new() { Name = "Join the video room" }).ClickAsync();
        await specialist.WaitForURLAsync("**/visits/*");
        await Expect(specialist.Heading("Video visit")).ToBeVisibleAsync();

        // 刘洋 joins from his outgoing consultation: both doctors receive live video.
        await requester.ReloadAsync();
        await requester.GetByText("Outgoing", new() { Exact = true }).ClickAsync();
        await Expect(outgoing.GetByText("In progress", new() { Exact = true })).ToBeVisibleAsync();
        await outgoing.GetByRole(AriaRole.Link, new() { Name = "Join the video room" }).ClickAsync();
        await requester.WaitForURLAsync("**/visits/*");
        await specialist.WaitForVideoAsync();
        await requester.WaitForVideoAsync();
        // A consultation's room has no visit note: its record is the signed opinion.
        await Expect(specialist.GetByLabel("Chief complaint")).ToHaveCountAsync(0);
        await specialist.AssertAccessibleAsync();

        // The specialist writes and signs the opinion.
        await specialist.NavigateAsync("Remote consultations");
        var opinionForm = incoming.Locator("form[aria-label='Sign the opinion']");
        await opinionForm.GetByLabel("Opinion", new() { Exact = true }).FillAsync("考虑咳嗽变异性哮喘，建议行支气管舒张试验。");
        await ChooseAsync(opinionForm.GetByLabel("Recommendation", new() { Exact = true }), "Further tests");
        await opinionForm.GetByLabel("Suggested tests").FillAsync("支气管舒张试验");
        await opinionForm.GetByLabel("Follow up in (days)").FillAsync("14");
        await opinionForm.GetByRole(AriaRole.Button, new() { Name = "Sign the opinion" }).ClickAsync();
        await Expect(incoming.GetByText("Opinion signed", new() { Exact = true })).ToBeVisibleAsync();

        // 刘洋 reads the signed opinion; so does 张伟.
        await requester.GotoAsync("/doctor/consultations");
        await requester.GetByText("Outgoing", new() { Exact = true }).ClickAsync();
        var opinion = outgoing.Locator("[aria-label='Consultation opinion']");
        await Expect(outgoing.GetByText("Opinion signed", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(opinion.GetByText("考虑咳嗽变异性哮喘，建议行支气管舒张试验。")).ToBeVisibleAsync();
        await Expect(opinion.GetByText("Recommendation: Further tests")).ToBeVisibleAsync();
        await Expect(opinion.GetByText("in 14 days")).ToBeVisibleAsync();
        await Expect(opinion.GetByText(new System.Text.RegularExpressions.Regex($"Signed by {Specialist}, .* · signature verified"))).ToBeVisibleAsync();
        await requester.AssertAccessibleAsync();

        await patient.ReloadAsync();
        var mine = patient.GetByRole(AriaRole.Listitem, new() { Name = $"Consultation with {Department}" });
        await Expect(mine.GetByText("考虑咳嗽变异性哮喘，建议行支气管舒张试验。")).ToBeVisibleAsync();
        await Expect(mine.GetByText(new System.Text.RegularExpressions.Regex($"Signed by {Specialist}, .* · signature verified"))).ToBeVisibleAsync();
        await patient.AssertAccessibleAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Hangs up every browser of the test: calls left running would load the machine for the next tests.</summary>
    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> NewPageAsync(bool phone = false)
    {
        var page = await app.NewPageAsync(phone: phone);
        await page.InstallAsync();
        pages.Add(page);
        return page;
    }

    /// <summary>A doctor signed in who has confirmed who they are for the session of visits (domain rule 3).</summary>
    private async Task<IPage> DoctorAsync(string email, string password)
    {
        var page = await NewPageAsync();
        await page.SignInAsync(email, password);
        await Expect(page.Heading("Workspace")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Video visits" }).First.ClickAsync();
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await Expect(page.GetByText("Your session is confirmed until")).ToBeVisibleAsync();
        return page;
    }

    private static async Task ChooseAsync(ILocator select, string option)
    {
        await select.ClickAsync();
        await select.Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static async Task<(string Email, string IdNumber)> RegisterAsync(IPage page)
    {
        var email = $"consult.{Guid.NewGuid():N}@example.test";
        var dateOfBirth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 15_000));
        var first17 = $"{Random.Shared.Next(110000, 660000)}{dateOfBirth:yyyyMMdd}{Random.Shared.Next(0, 500) * 2 + 1:000}";
        var idNumber = first17 + ResidentIdNumber.CheckCharacterFor(first17);
        var response = await page.APIRequest.PostAsync("/api/account/register", new()
        {
            DataObject = new
            {
                fullName = "张伟", idType = "ResidentId", idNumber, dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd"), sex = "Male",
                mobile = "13700000000", email, password = Password,
            },
        });
        Assert.Equal(201, response.Status);
        return (email, idNumber);
    }

    /// <summary>
    /// The patient signs with a team 刘洋 leads (so he treats him; the care profile puts him on the panel; a team of the
    /// test's own, not 陈静's, whose panel the referral journey picks its 张伟 from), closed to applications, and the city hospital's respiratory
    /// department gains a specialist of the test's own. Returns the specialist's e-mail.
    /// </summary>
    private async Task<string> PrepareAsync(string patientEmail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var now = DateTimeOffset.UtcNow;
        var account = await db.Users.SingleAsync(u => u.Email == patientEmail);
        var patientId = await db.PatientAccesses.Where(a => a.AccountId == account.Id).Select(a => a.PatientId).SingleAsync();
        var liu = await (from d in db.Doctors join a in db.Users on d.AccountId equals a.Id where a.Email == "dr.liu@demo.test" select d).SingleAsync();
        var community = await db.Departments.Where(d => d.Id == liu.DepartmentId).Select(d => d.FacilityId).SingleAsync();
        var team = FamilyDoctorTeam.Create(community, liu.DepartmentId, "刘洋家庭医生团队", "Dr Liu Yang's team", "会诊旅程的团队。", "The consultation journey's team.", liu.Id);
        team.StopAcceptingApplications();
        db.FamilyTeams.Add(team);
        var package = await db.ServicePackages.FirstAsync(p => p.Code == "hypertension");
        var contract = FamilyContract.Apply(patientId, team.Id, package.Id, liu.AccountId, null, now.AddDays(-2));
        contract.Accept(liu.Id, liu.AccountId, now.AddDays(-1));
        db.FamilyContracts.Add(contract);
        db.CareProfiles.Add(CareProfile.Create(patientId, [ChronicConditions.Hypertension], now.AddDays(-1)));

        var email = $"dr.sun.{Guid.NewGuid():N}@example.test";
        var specialist = new Account
        {
            Id = Domain.Common.NewId.Next(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = Specialist,
            PhoneNumber = "13800009999",
            CreatedAt = now,
            LockoutEnabled = true,
        };
        Assert.True((await users.CreateAsync(specialist, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(specialist, Roles.Doctor)).Succeeded);
        var respiratory = await db.Departments.SingleAsync(d => d.Code == "RESP");
        db.Doctors.Add(Doctor.Create(specialist.Id, respiratory.Id, Specialist, "主治医师", "Attending Physician", false, $"1104401{Random.Shared.Next(10_000_000, 99_999_999)}", 2011));
        await db.SaveChangesAsync();
        return email;
    }
}
