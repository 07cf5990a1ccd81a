using System.Net;
using System.Net.Http.Json;
using InternetHospital.Application.Appointments;
using InternetHospital.Application.Common;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Notifications;
using InternetHospital.Application.Sms;
using InternetHospital.Domain.Notifications;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Sms;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.IntegrationTests.Sms;

/// <summary>
/// The SMS outbox on a clock the test moves: the provider adapters against a fake that checks their signatures and can
/// fail (retries with backoff, dead letters), reminders held back through the quiet hours, codes that expire after five
/// minutes, and the person's channel choices.
/// </summary>
public abstract class SmsDeliveryTests(string provider)
{
    // 23:00 in Shanghai: inside the quiet hours.
    private static readonly DateTimeOffset LateEvening = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_tencent_adapter_is_retried_with_backoff_while_the_provider_fails_and_delivers_once_with_a_valid_signature()
    {
        await using var fake = new FakeSmsProvider();
        await fake.StartAsync();
        var clock = new FakeTimeProvider(LateEvening.AddHours(-6));
        await using var host = await StartAsync(clock, ("Sms:Provider", "Tencent"), ("Sms:Tencent:Endpoint", fake.BaseUrl), ("Sms:Tencent:SecretId", FakeSmsProvider.TencentSecretId),
            ("Sms:Tencent:SecretKey", FakeSmsProvider.TencentSecretKey), ("Sms:Tencent:SdkAppId", "1400000000"), ("Sms:Tencent:SignName", "测试医院"), ("Sms:MaxAttempts", "4"));
        var mobile = SmsSink.NewMobile();
        fake.FailNext = 2;

        var id = await EnqueueAsync(host, mobile, SmsTemplates.SignInCode, new() { ["code"] = SmsParameter.Code("123456") });
        Assert.Equal(1, await DispatchAsync(host));
        Assert.Equal(0, await DispatchAsync(host)); // not due again before its backoff
        clock.Advance(TimeSpan.FromSeconds(16));
        Assert.Equal(1, await DispatchAsync(host));
        Assert.Equal((OutboxStatus.Pending, 2), await StatusAsync(host, id));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await DispatchAsync(host));

        Assert.Equal((OutboxStatus.Sent, 3), await StatusAsync(host, id));
        Assert.All(fake.Requests, r => Assert.True(r.SignatureValid));
        var delivered = Assert.Single(fake.Delivered);
        Assert.Equal($"+86{mobile}", delivered.Parameters["PhoneNumberSet"]);
        Assert.Equal("tpl-sign-in", delivered.Parameters["TemplateId"]);
        Assert.Equal("123456", delivered.Parameters["TemplateParamSet"]);
        Assert.Equal("测试医院", delivered.Parameters["SignName"]);

        // A provider that stays down: after Sms:MaxAttempts the message is a dead letter, kept with its error.
        fake.FailNext = 100;
        var dead = await EnqueueAsync(host, mobile, SmsTemplates.SignInCode, new() { ["code"] = SmsParameter.Code("654321") });
        for (var i = 0; i < 6; i++)
        {
            await DispatchAsync(host);
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal((OutboxStatus.Failed, 4), await StatusAsync(host, dead));
    }

    [Fact]
    public async Task The_aliyun_adapter_signs_its_request_so_the_provider_accepts_it_and_a_wrong_secret_is_refused()
    {
        await using var fake = new FakeSmsProvider();
        await fake.StartAsync();
        var options = new SmsOptions
        {
            Provider = SmsProvider.Aliyun,
            Aliyun = new AliyunSmsOptions { Endpoint = fake.BaseUrl, AccessKeyId = FakeSmsProvider.AliyunKeyId, AccessKeySecret = FakeSmsProvider.AliyunSecret, SignName = "测试医院" },
            Templates = new(StringComparer.Ordinal) { ["appointment_reminder"] = "SMS_000001" },
        };
        using var http = new HttpClient();
        var values = new Dictionary<string, string> { ["patient"] = "张伟", ["doctor"] = "李伟", ["time"] = "2026-12-08 09:30" };

        await new AliyunSmsSender(http, options, TimeProvider.System).SendAsync(new SmsSend(Guid.NewGuid(), "13900000001", SmsTemplates.AppointmentReminder, values, "zh-CN"), CancellationToken.None);

        var request = Assert.Single(fake.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal("SendSms", request.Parameters["Action"]);
        Assert.Equal("SMS_000001", request.Parameters["TemplateCode"]);
        Assert.Equal("{\"patient\":\"张伟\",\"doctor\":\"李伟\",\"time\":\"2026-12-08 09:30\"}", System.Text.RegularExpressions.Regex.Unescape(request.Parameters["TemplateParam"]));

        options.Aliyun.AccessKeySecret = "not-the-secret";
        await Assert.ThrowsAsync<SmsProviderException>(() =>
            new AliyunSmsSender(http, options, TimeProvider.System).SendAsync(new SmsSend(Guid.NewGuid(), "13900000001", SmsTemplates.AppointmentReminder, values, "zh-CN"), CancellationToken.None));
        Assert.False(fake.Requests.Last().SignatureValid);
    }

    [Fact]
    public async Task A_reminder_waits_for_the_end_of_the_quiet_hours_a_code_does_not_and_a_code_expires_after_five_minutes()
    {
        var clock = new FakeTimeProvider(LateEvening);
        await using var host = await StartAsync(clock);
        var mobile = SmsSink.NewMobile();

        // The registration code goes out at 23:00 (a code is not a reminder).
        var browser = host.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Accepted, (await browser.PostAsJsonAsync("/api/account/register/mobile-code", new { mobile })).StatusCode);
        await DispatchAsync(host);
        var code = Assert.Single(SmsSink.MessagesTo(host, mobile)).GetProperty("parameters").GetProperty("code").GetString();
        var accountId = (await (await browser.PostAsJsonAsync("/api/account/register", Registration(mobile, code))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("accountId").GetGuid();

        // A day reminder at 23:00 is held until 07:00 Shanghai time.
        await NotifyAsync(host, accountId, AppointmentNotifications.DayReminder);
        await DispatchAsync(host);
        Assert.Single(SmsSink.MessagesTo(host, mobile));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 22, 59, 0, TimeSpan.Zero));
        await DispatchAsync(host);
        Assert.Single(SmsSink.MessagesTo(host, mobile));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero));
        await DispatchAsync(host);
        var reminder = SmsSink.MessagesTo(host, mobile)[1];
        Assert.Equal("appointment_reminder", reminder.GetProperty("template").GetString());
        Assert.Equal("孙小梅，您预约的李伟医生的就诊时间为2026-12-08 09:30（北京时间），请准时登录或到院。", reminder.GetProperty("text").GetString());

        // A sign-in code is good for five minutes, not a second more.
        Assert.Equal(HttpStatusCode.Accepted, (await browser.PostAsJsonAsync("/api/account/login/mobile-code", new { mobile })).StatusCode);
        await DispatchAsync(host);
        var signInCode = SmsSink.MessagesTo(host, mobile)[2].GetProperty("parameters").GetProperty("code").GetString();
        clock.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(1)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile", new { mobile, code = signInCode })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await browser.PostAsJsonAsync("/api/account/login/mobile-code", new { mobile })).StatusCode);
        await DispatchAsync(host);
        var fresh = SmsSink.MessagesTo(host, mobile)[3].GetProperty("parameters").GetProperty("code").GetString();
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await host.CreateBrowserClient().PostAsJsonAsync("/api/account/login/mobile", new { mobile, code = fresh })).StatusCode);

        // SMS switched off: the next notice leaves no SMS (and e-mail off: no e-mail either), the notification centre still has it.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAccountService>().SetChannelsAsync(accountId, email: false, sms: false, timeZone: null, CancellationToken.None);
        }

        var (smsBefore, emailBefore) = await CountsAsync(host, mobile);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero));
        await NotifyAsync(host, accountId, AppointmentNotifications.CancelledByHospital);
        Assert.Equal((smsBefore, emailBefore), await CountsAsync(host, mobile));
    }

    private async Task<OwnApiHost> StartAsync(FakeTimeProvider clock, params (string Key, string Value)[] settings) =>
        await OwnApiHost.StartAsync(provider, builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Sms:Templates:sign_in_code", "tpl-sign-in");
            builder.UseSetting("Sms:Templates:registration_code", "tpl-register");
            builder.UseSetting("Sms:Templates:appointment_reminder", "tpl-reminder");
            builder.UseSetting("Sms:Templates:appointment_cancelled", "tpl-cancelled");

            // Note: the SMS dispatcher is driven by hand on the fake clock; the hosted one would also wake whenever the
            // test moves the clock past its poll interval and race the test for the messages.
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.RemoveAll<IHostedService>(d => d.ImplementationType == typeof(SmsDispatcher));
            });
        });

    private static async Task<Guid> EnqueueAsync(OwnApiHost host, string mobile, SmsTemplate template, Dictionary<string, SmsParameter> parameters)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ISmsOutbox>().Enqueue(mobile, template, parameters, "zh-CN", null);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = db.ChangeTracker.Entries<SmsMessage>().Single().Entity.Id;
        await db.SaveChangesAsync();
        return id;
    }

    private static Task<int> DispatchAsync(OwnApiHost host) =>
        ActivatorUtilities.CreateInstance<SmsDispatcher>(host.Services).SendDueAsync(CancellationToken.None);

    private static async Task<(OutboxStatus, int)> StatusAsync(OwnApiHost host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().SmsOutbox.AsNoTracking().SingleAsync(m => m.Id == id);
        return (message.Status, message.Attempts);
    }

    private static async Task<(int Sms, int Email)> CountsAsync(OwnApiHost host, string mobile)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.SmsOutbox.CountAsync(m => m.To == mobile), await db.EmailOutbox.CountAsync());
    }

    private static async Task NotifyAsync(OwnApiHost host, Guid accountId, string kind)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var start = new DateTimeOffset(2026, 12, 8, 1, 30, 0, TimeSpan.Zero);
        var parameters = new Dictionary<string, string>
        {
            ["appointmentId"] = Guid.NewGuid().ToString(),
            ["start"] = start.ToString("O"),
            ["end"] = start.AddMinutes(15).ToString("O"),
            ["timeZone"] = "Asia/Shanghai",
            ["doctor"] = "李伟",
            ["visitType"] = "InPerson",
            ["facility"] = "市第一人民医院",
            ["facilityEn"] = "City First People's Hospital",
            ["cutoffHours"] = "2",
            ["payBy"] = start.ToString("O"),
            ["status"] = "Confirmed",
        };
        await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(new Notice(accountId, kind, parameters, "/appointments"), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
    }

    private static object Registration(string mobile, string? mobileCode)
    {
        var dateOfBirth = TestData.RandomDateOfBirth();
        return new
        {
            fullName = "孙小梅",
            idType = "ResidentId",
            idNumber = TestData.ResidentId(dateOfBirth, Domain.Patients.Sex.Female),
            dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            sex = "Female",
            mobile,
            mobileCode,
            email = TestData.Email("sms"),
            password = TestData.StrongPassword,
        };
    }
}

internal static class ServiceCollectionRemoval
{
    public static void RemoveAll<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> which)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T) && which(d)).ToList())
        {
            services.Remove(descriptor);
        }
    }
}

public sealed class SmsDeliveryTestsOnSqlite() : SmsDeliveryTests("Sqlite");

public sealed class SmsDeliveryTestsOnPostgres() : SmsDeliveryTests("PostgreSQL");
