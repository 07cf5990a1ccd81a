using System.Globalization;
using InternetHospital.Application.Notifications;

namespace InternetHospital.Application.Appointments;

/// <summary>Notification kinds of booking. Parameters carry times as UTC ISO 8601 plus the hospital's time zone.</summary>
public static class AppointmentNotifications
{
    public const string Confirmed = "appointment.confirmed";
    public const string Cancelled = "appointment.cancelled";
    public const string CancelledByHospital = "appointment.cancelled_by_hospital";
    public const string HoldExpired = "appointment.hold_expired";
    public const string LatePaymentRefunded = "appointment.late_payment_refunded";
    public const string Rescheduled = "appointment.rescheduled";
    public const string DayReminder = "appointment.reminder_day";
    public const string HourReminder = "appointment.reminder_hour";
    public const string ReviewRequested = "appointment.review_requested";
    public const string FollowUpAccepted = "appointment.follow_up_accepted";
    public const string FollowUpRejected = "appointment.follow_up_rejected";
    public const string BookedByDoctor = "appointment.booked_by_doctor";
    public const string WaitlistOffered = "waitlist.offered";

    /// <summary>What a guardian or proxy did, as the texts say it: "张伟 为 张小宝 预约了挂号" / "张伟 booked an appointment for 张小宝".</summary>
    public static readonly NoticeAction BookedAction = new("预约了挂号", "booked an appointment");

    public static readonly NoticeAction CancelledAction = new("取消了预约", "cancelled an appointment");

    public static readonly NoticeAction RescheduledAction = new("改约了就诊时间", "rescheduled an appointment");

    /// <summary>To the appointment's doctor: a system administrator read it through break-glass (and the audit action of that read).</summary>
    public const string BreakGlassRead = "appointment.break_glass_read";
}

/// <summary>How booking e-mails say when and with whom, in the reader's language and the hospital's time zone.</summary>
internal static class AppointmentText
{
    public static bool IsEnglish(string language) => NoticeFormat.IsEnglish(language);

    public static string When(IReadOnlyDictionary<string, string> p, string language, string key = "start") =>
        NoticeFormat.When(p[key], p["timeZone"], language);

    public static string FormatInstant(DateTimeOffset instant, string timeZone, string language) => NoticeFormat.When(instant, timeZone, language);

    public static string Visit(IReadOnlyDictionary<string, string> p, string language) =>
        (p["visitType"], IsEnglish(language)) switch
        {
            ("Video", true) => "video follow-up visit",
            ("Video", false) => "视频复诊",
            (_, true) => "in-person visit",
            _ => "门诊就诊",
        };

    public static string Doctor(IReadOnlyDictionary<string, string> p, string language) =>
        IsEnglish(language) ? $"Dr {p["doctor"]}" : $"{p["doctor"]}医生";

    public static string Where(IReadOnlyDictionary<string, string> p, string language) =>
        p["visitType"] == "Video"
            ? (IsEnglish(language) ? "Online: open the portal 15 minutes before and check in." : "线上：请提前 15 分钟打开互联网医院签到候诊。")
            : (IsEnglish(language) ? p["facilityEn"] : p["facility"]);

    public static string Money(IReadOnlyDictionary<string, string> p, string language) => NoticeFormat.Money(p["amount"], p["currency"], language);

    public static string NextSlots(IReadOnlyDictionary<string, string> p, string language)
    {
        var slots = p.TryGetValue("nextSlots", out var value) && value.Length > 0 ? value.Split(';') : [];
        if (slots.Length == 0)
        {
            return IsEnglish(language) ? "The doctor has no free times at the moment; please look for care in the portal." : "该医生暂无可预约时间，请在互联网医院中查找其他号源。";
        }

        var lines = slots.Select(s => "  - " + FormatInstant(DateTimeOffset.Parse(s, CultureInfo.InvariantCulture), p["timeZone"], language));
        return (IsEnglish(language) ? "The doctor's next free times:\n" : "该医生最近的可预约时间：\n") + string.Join('\n', lines);
    }
}

internal sealed class AppointmentConfirmedTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.Confirmed;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                $"Appointment confirmed: {AppointmentText.When(p, language)}",
                $"Dear {context.RecipientName},\n\nyour {AppointmentText.Visit(p, language)} with {AppointmentText.Doctor(p, language)} is booked for {AppointmentText.When(p, language)}.\nWhere: {AppointmentText.Where(p, language)}\n\nThe attached calendar file adds it to your calendar. You can cancel or change it in the portal until {p["cutoffHours"]} hours before.")
            : new EmailText(
                $"预约成功：{AppointmentText.When(p, language)}",
                $"{context.RecipientName}，您好：\n\n您已成功预约{AppointmentText.Doctor(p, language)}的{AppointmentText.Visit(p, language)}，时间：{AppointmentText.When(p, language)}。\n地点：{AppointmentText.Where(p, language)}\n\n附件中的日历文件可添加到您的日历。就诊前 {p["cutoffHours"]} 小时之前可在互联网医院中取消或改约。");
}

internal sealed class AppointmentCancelledTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.Cancelled;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context)
    {
        var refund = p.ContainsKey("amount");
        return AppointmentText.IsEnglish(language)
            ? new EmailText(
                $"Appointment cancelled: {AppointmentText.When(p, language)}",
                $"Dear {context.RecipientName},\n\nyour {AppointmentText.Visit(p, language)} with {AppointmentText.Doctor(p, language)} on {AppointmentText.When(p, language)} is cancelled." + (refund ? $"\nThe fee of {AppointmentText.Money(p, language)} is refunded in full." : string.Empty))
            : new EmailText(
                $"预约已取消：{AppointmentText.When(p, language)}",
                $"{context.RecipientName}，您好：\n\n您预约的{AppointmentText.Doctor(p, language)}{AppointmentText.When(p, language)}的{AppointmentText.Visit(p, language)}已取消。" + (refund ? $"\n已全额退还费用 {AppointmentText.Money(p, language)}。" : string.Empty));
    }
}

internal sealed class AppointmentCancelledByHospitalTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.CancelledByHospital;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context)
    {
        var refund = p.ContainsKey("amount");
        return AppointmentText.IsEnglish(language)
            ? new EmailText(
                $"The hospital had to cancel your appointment on {AppointmentText.When(p, language)}",
                $"Dear {context.RecipientName},\n\nwe are sorry: {AppointmentText.Doctor(p, language)} cannot see patients in the session of {AppointmentText.When(p, language)}, so your {AppointmentText.Visit(p, language)} is cancelled." + (refund ? $"\nThe fee of {AppointmentText.Money(p, language)} is refunded in full." : string.Empty) + "\n\n" + AppointmentText.NextSlots(p, language))
            : new EmailText(
                $"医院取消了您{AppointmentText.When(p, language)}的预约",
                $"{context.RecipientName}，您好：\n\n非常抱歉，{AppointmentText.Doctor(p, language)}{AppointmentText.When(p, language)}的出诊已停诊，您的{AppointmentText.Visit(p, language)}已取消。" + (refund ? $"\n已全额退还费用 {AppointmentText.Money(p, language)}。" : string.Empty) + "\n\n" + AppointmentText.NextSlots(p, language));
    }
}

internal sealed class LatePaymentRefundedTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.LatePaymentRefunded;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                "Your payment arrived after the time was taken: refunded",
                $"Dear {context.RecipientName},\n\nyour payment for the {AppointmentText.Visit(p, language)} on {AppointmentText.When(p, language)} arrived after the time held for you had run out, and the time has since been taken. We have refunded {AppointmentText.Money(p, language)} in full. Please choose another time in the portal.")
            : new EmailText(
                "支付晚于号源保留时间，已退款",
                $"{context.RecipientName}，您好：\n\n您为{AppointmentText.When(p, language)}的{AppointmentText.Visit(p, language)}支付时，号源保留时间已过且该时段已被他人预约。我们已全额退还 {AppointmentText.Money(p, language)}，请在互联网医院中重新选择时间。");
}

internal sealed class AppointmentRescheduledTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.Rescheduled;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                $"Appointment moved to {AppointmentText.When(p, language)}",
                $"Dear {context.RecipientName},\n\nyour {AppointmentText.Visit(p, language)} with {AppointmentText.Doctor(p, language)} now takes place on {AppointmentText.When(p, language)} (instead of {AppointmentText.When(p, language, "previousStart")}).\nWhere: {AppointmentText.Where(p, language)}\n\nThe attached calendar file updates your calendar.")
            : new EmailText(
                $"预约已改至{AppointmentText.When(p, language)}",
                $"{context.RecipientName}，您好：\n\n您预约的{AppointmentText.Doctor(p, language)}的{AppointmentText.Visit(p, language)}已改至{AppointmentText.When(p, language)}（原时间：{AppointmentText.When(p, language, "previousStart")}）。\n地点：{AppointmentText.Where(p, language)}\n\n附件中的日历文件可更新您的日历。");
}

internal sealed class DayReminderTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.DayReminder;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                $"Reminder: appointment tomorrow, {AppointmentText.When(p, language)}",
                $"Dear {context.RecipientName},\n\na reminder of your {AppointmentText.Visit(p, language)} with {AppointmentText.Doctor(p, language)} on {AppointmentText.When(p, language)}.\nWhere: {AppointmentText.Where(p, language)}")
            : new EmailText(
                $"就诊提醒：{AppointmentText.When(p, language)}",
                $"{context.RecipientName}，您好：\n\n提醒您明天的{AppointmentText.Visit(p, language)}：{AppointmentText.Doctor(p, language)}，{AppointmentText.When(p, language)}。\n地点：{AppointmentText.Where(p, language)}");
}

internal sealed class HourReminderTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.HourReminder;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                $"Starting soon: your appointment at {AppointmentText.When(p, language)}",
                $"Dear {context.RecipientName},\n\nyour {AppointmentText.Visit(p, language)} with {AppointmentText.Doctor(p, language)} starts in about an hour, at {AppointmentText.When(p, language)}.\nWhere: {AppointmentText.Where(p, language)}")
            : new EmailText(
                $"即将开始：{AppointmentText.When(p, language)}的就诊",
                $"{context.RecipientName}，您好：\n\n您与{AppointmentText.Doctor(p, language)}的{AppointmentText.Visit(p, language)}将于约一小时后（{AppointmentText.When(p, language)}）开始。\n地点：{AppointmentText.Where(p, language)}");
}

internal sealed class ReviewRequestedTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.ReviewRequested;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText("A video follow-up waits for your review", $"Dear {context.RecipientName},\n\na patient asks for a video follow-up on {AppointmentText.When(p, language)} and uploaded proof of an in-person diagnosis. Please review it in your workspace.")
            : new EmailText("有视频复诊申请待您审核", $"{context.RecipientName}，您好：\n\n有患者申请{AppointmentText.When(p, language)}的视频复诊，并上传了线下诊断证明，请在工作台中审核。");
}

internal sealed class FollowUpAcceptedTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.FollowUpAccepted;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                "Your video follow-up was accepted: please pay to confirm",
                $"Dear {context.RecipientName},\n\n{AppointmentText.Doctor(p, language)} accepted your video follow-up on {AppointmentText.When(p, language)}. Please pay the fee in the portal by {AppointmentText.When(p, language, "payBy")} to confirm it.")
            : new EmailText(
                "视频复诊申请已通过，请支付以确认",
                $"{context.RecipientName}，您好：\n\n{AppointmentText.Doctor(p, language)}已通过您{AppointmentText.When(p, language)}的视频复诊申请。请在{AppointmentText.When(p, language, "payBy")}之前在互联网医院中支付费用以确认预约。");
}

internal sealed class FollowUpRejectedTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.FollowUpRejected;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                "Your video follow-up request was not accepted",
                $"Dear {context.RecipientName},\n\n{AppointmentText.Doctor(p, language)} could not accept your request for a video follow-up on {AppointmentText.When(p, language)}: online visits are only for follow-up of a condition already diagnosed in person. Nothing was charged. Please book an in-person visit in the portal.")
            : new EmailText(
                "视频复诊申请未通过",
                $"{context.RecipientName}，您好：\n\n{AppointmentText.Doctor(p, language)}未能通过您{AppointmentText.When(p, language)}的视频复诊申请：线上诊疗仅限已在线下确诊疾病的复诊。未收取任何费用，请在互联网医院中预约门诊就诊。");
}

internal sealed class BookedByDoctorTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.BookedByDoctor;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                $"{AppointmentText.Doctor(p, language)} booked a follow-up for you",
                $"Dear {context.RecipientName},\n\n{AppointmentText.Doctor(p, language)} booked a {AppointmentText.Visit(p, language)} for you on {AppointmentText.When(p, language)}. Please confirm it by paying the fee in the portal by {AppointmentText.When(p, language, "payBy")}.")
            : new EmailText(
                $"{AppointmentText.Doctor(p, language)}为您预约了复诊",
                $"{context.RecipientName}，您好：\n\n{AppointmentText.Doctor(p, language)}为您预约了{AppointmentText.When(p, language)}的{AppointmentText.Visit(p, language)}。请在{AppointmentText.When(p, language, "payBy")}之前在互联网医院中支付费用以确认。");
}

internal sealed class WaitlistOfferedTemplate : INotificationTemplate
{
    public string Kind => AppointmentNotifications.WaitlistOffered;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> p, TemplateContext context) =>
        AppointmentText.IsEnglish(language)
            ? new EmailText(
                $"A time became free: {AppointmentText.When(p, language)}",
                $"Dear {context.RecipientName},\n\na time you were waiting for became free: {AppointmentText.Doctor(p, language)}, {AppointmentText.When(p, language)}. We are holding it for you until {AppointmentText.When(p, language, "payBy")}; pay in the portal to book it.")
            : new EmailText(
                $"您候补的号源已释放：{AppointmentText.When(p, language)}",
                $"{context.RecipientName}，您好：\n\n您候补的号源已释放：{AppointmentText.Doctor(p, language)}，{AppointmentText.When(p, language)}。我们为您保留至{AppointmentText.When(p, language, "payBy")}，请在互联网医院中支付以完成预约。");
}
