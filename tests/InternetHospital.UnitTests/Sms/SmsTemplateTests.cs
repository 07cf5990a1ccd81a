using InternetHospital.Application.Sms;

namespace InternetHospital.UnitTests.Sms;

public sealed class SmsTemplateTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("高血压")]
    [InlineData("张伟 HIV+")]
    [InlineData("amlodipine 5mg")]
    [InlineData("see https://x.test")]
    [InlineData("")]
    public void A_name_parameter_refuses_anything_but_letters(string text) =>
        Assert.ThrowsAny<ArgumentException>(() => SmsParameter.Name(text + "1"));

    [Theory]
    [InlineData("12345a")]
    [InlineData("123")]
    [InlineData("123456789")]
    public void A_code_parameter_is_four_to_eight_digits(string code) =>
        Assert.Throws<ArgumentException>(() => SmsParameter.Code(code));

    [Fact]
    public void Names_times_and_codes_render_into_the_approved_text()
    {
        var values = new Dictionary<string, string>
        {
            ["patient"] = SmsParameter.Name("张伟").Value,
            ["doctor"] = SmsParameter.Name("李伟").Value,
            ["time"] = SmsParameter.Time(new DateTimeOffset(2026, 12, 8, 1, 30, 0, TimeSpan.Zero), Shanghai).Value,
        };

        Assert.Equal("张伟，您预约的李伟医生的就诊时间为2026-12-08 09:30（北京时间），请准时登录或到院。", SmsTemplates.AppointmentReminder.Render("zh-CN", values));
        Assert.Equal("张伟, your appointment with Dr 李伟 is at 2026-12-08 09:30 (Beijing time). Please be on time.", SmsTemplates.AppointmentReminder.Render("en", values));
    }

    [Theory]
    [InlineData("2026-12-07T13:59:00Z", "2026-12-07T13:59:00Z")] // 21:59 Shanghai: still allowed
    [InlineData("2026-12-07T14:00:00Z", "2026-12-07T23:00:00Z")] // 22:00 Shanghai: deferred to 07:00 next day
    [InlineData("2026-12-07T18:30:00Z", "2026-12-07T23:00:00Z")] // 02:30 Shanghai: deferred to 07:00 the same day
    [InlineData("2026-12-07T23:00:00Z", "2026-12-07T23:00:00Z")] // 07:00 Shanghai: allowed
    public void Quiet_hours_defer_to_seven_in_the_morning_local_time(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), QuietHours.NextAllowed(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Shanghai));

    [Fact]
    public void Quiet_hours_follow_the_persons_zone_across_a_daylight_saving_change()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        // 23:30 GMT on 28 March 2026; clocks go forward that night, so 07:00 local is 06:00 UTC.
        var next = QuietHours.NextAllowed(new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), london);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 6, 0, 0, TimeSpan.Zero), next);
    }
}
