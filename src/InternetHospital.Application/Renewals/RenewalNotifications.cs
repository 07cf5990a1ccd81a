using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Accounts;
using InternetHospital.Domain.Patients;
using InternetHospital.Domain.Renewals;

namespace InternetHospital.Application.Renewals;

/// <summary>Notification kinds of renewals. The patient hears of every change of state; e-mails carry no health details.</summary>
public static class RenewalNotices
{
    public const string Submitted = "renewal.submitted";
    public const string DoctorApproved = "renewal.doctor_approved";
    public const string DoctorRejected = "renewal.doctor_rejected";
    public const string VisitRequired = "renewal.visit_required";
    public const string PharmacistApproved = "renewal.pharmacist_approved";
    public const string PaymentDue = "renewal.payment_due";
    public const string PharmacistRejected = "renewal.pharmacist_rejected";
    public const string Paid = "renewal.paid";
    public const string Dispensed = "renewal.dispensed";
    public const string Shipped = "renewal.shipped";
    public const string DeliveryUpdated = "renewal.delivery_updated";
    public const string PickedUp = "renewal.picked_up";
    public const string Delivered = "renewal.delivered";
    public const string Cancelled = "renewal.cancelled";

    /// <summary>"张伟 为 张小宝 申请了续方" / "张伟 asked for a renewal for 张小宝" when a guardian or proxy asked.</summary>
    public static readonly NoticeAction SubmittedAction = new("申请了续方", "asked for a medicine renewal");

    /// <summary>To the doctor: the pharmacist sent a prescription back.</summary>
    public const string ReturnedToDoctor = "renewal.returned_to_doctor";

    /// <summary>Live event for staff screens: a queue changed (payload: id, status). Browsers refetch.</summary>
    public const string QueueChangedEvent = "renewals.changed";
}

/// <summary>Tells the people involved: the patient (notification + e-mail), the doctor, and staff screens live.</summary>
public interface IRenewalNotifier
{
    Task PatientAsync(RenewalRequest request, string kind, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? extra = null);

    Task AccountAsync(Guid accountId, RenewalRequest request, string kind, string link, CancellationToken cancellationToken);

    /// <summary>Queues a live "queue changed" push to every pharmacist, sent after the save.</summary>
    void PushToPharmacists(RenewalRequest request);

    /// <summary>Queues a live "queue changed" push to these accounts (doctors), sent after the save.</summary>
    void PushTo(IEnumerable<Guid> accountIds, RenewalRequest request);

    /// <summary>
    /// Queues a live "queue changed" push to every doctor whose queue shows the request (all doctors for one open to
    /// all, else those it was routed to): on submission, and when it leaves their queue (decided, cancelled).
    /// </summary>
    Task PushToDoctorsAsync(RenewalRequest request, CancellationToken cancellationToken);
}

internal sealed class RenewalNotifier(INotifier notifier, ILiveUpdates live, IAfterCommit afterCommit, IAccountService accounts, IAppDbContext db) : IRenewalNotifier
{
    public async Task PushToDoctorsAsync(RenewalRequest request, CancellationToken cancellationToken)
    {
        if (request.OpenToAllDoctors)
        {
            PushTo(await accounts.AccountIdsInRoleAsync(Roles.Doctor, cancellationToken), request);
            return;
        }

        var doctorIds = request.Routing.Select(r => r.DoctorId).ToList();
        PushTo(await db.Doctors.AsNoTracking().Where(d => doctorIds.Contains(d.Id)).Select(d => d.AccountId).ToListAsync(cancellationToken), request);
    }

    public Task PatientAsync(RenewalRequest request, string kind, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? extra = null)
    {
        var parameters = new Dictionary<string, string>(extra ?? new Dictionary<string, string>()) { ["reference"] = request.Reference };
        // Note: everyone acting for the patient in medications hears it, the texts naming the guardian or proxy who asked.
        return notifier.NotifyPatientAsync(
            new PatientNotice(request.PatientId, PatientScope.Medications, request.RequestedByAccountId, kind, parameters, $"/renewals/{request.Id}", Action: kind == RenewalNotices.Submitted ? RenewalNotices.SubmittedAction : null),
            cancellationToken);
    }

    public Task AccountAsync(Guid accountId, RenewalRequest request, string kind, string link, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(new Notice(accountId, kind, new Dictionary<string, string> { ["reference"] = request.Reference }, link), cancellationToken);

    public void PushToPharmacists(RenewalRequest request)
    {
        var payload = Payload(request);
        afterCommit.Enqueue(async ct =>
        {
            foreach (var id in await accounts.AccountIdsInRoleAsync(Roles.Pharmacist, ct))
            {
                await live.SendToAccountAsync(id, RenewalNotices.QueueChangedEvent, payload, ct);
            }
        });
    }

    public void PushTo(IEnumerable<Guid> accountIds, RenewalRequest request)
    {
        var payload = Payload(request);
        var ids = accountIds.Distinct().ToList();
        afterCommit.Enqueue(async ct =>
        {
            foreach (var id in ids)
            {
                await live.SendToAccountAsync(id, RenewalNotices.QueueChangedEvent, payload, ct);
            }
        });
    }

    private static object Payload(RenewalRequest request) => new { id = request.Id, status = request.Status.ToString() };
}

/// <summary>
/// The e-mail of one renewal notification kind: the reference only, never the medicines (e-mail is not a secure
/// channel); the portal shows the details after sign-in.
/// </summary>
internal abstract class RenewalTemplate : INotificationTemplate
{
    public abstract string Kind { get; }

    protected abstract string SubjectZh { get; }

    protected abstract string TextZh { get; }

    protected abstract string SubjectEn { get; }

    protected abstract string TextEn { get; }

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context)
    {
        var reference = parameters.TryGetValue("reference", out var value) ? value : string.Empty;
        return language == SupportedLanguages.English
            ? new EmailText($"{SubjectEn} ({reference})", $"Dear {context.RecipientName},\n\nyour prescription renewal request {reference}: {TextEn}")
            : new EmailText($"{SubjectZh}（{reference}）", $"{context.RecipientName}，您好：\n\n您的续方申请 {reference}：{TextZh}");
    }
}

internal sealed class RenewalSubmittedTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.Submitted;
    protected override string SubjectZh => "续方申请已提交";
    protected override string TextZh => "我们已收到，医生审核后会通知您。";
    protected override string SubjectEn => "Renewal request received";
    protected override string TextEn => "we have received it. We will let you know when a doctor has looked at it.";
}

internal sealed class RenewalDoctorApprovedTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.DoctorApproved;
    protected override string SubjectZh => "医生已开具处方";
    protected override string TextZh => "医生已签署处方，药师审核通过后即可取药或配送。";
    protected override string SubjectEn => "Your doctor signed the prescription";
    protected override string TextEn => "a doctor has signed the prescription. A pharmacist reviews it next, then it can be collected or delivered.";
}

internal sealed class RenewalDoctorRejectedTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.DoctorRejected;
    protected override string SubjectZh => "续方申请未通过";
    protected override string TextZh => "医生未能为您续方，请登录查看原因。";
    protected override string SubjectEn => "Renewal request not approved";
    protected override string TextEn => "the doctor could not renew it. Sign in to see the reason.";
}

internal sealed class RenewalVisitRequiredTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.VisitRequired;
    protected override string SubjectZh => "医生希望与您视频问诊";
    protected override string TextZh => "续方前医生希望先与您视频问诊，请登录预约。";
    protected override string SubjectEn => "Your doctor would like a video visit";
    protected override string TextEn => "the doctor would like to see you on video before renewing. Sign in to book a visit.";
}

internal sealed class RenewalPharmacistApprovedTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.PharmacistApproved;
    protected override string SubjectZh => "处方已审核通过";
    protected override string TextZh => "药师已审核通过。自取请登录查看取药码；配送的药品发出后会再通知您。";
    protected override string SubjectEn => "Prescription approved by the pharmacist";
    protected override string TextEn => "a pharmacist has approved it. For pickup, sign in to see your pickup code; for delivery we will tell you when it is on its way.";
}

internal sealed class RenewalPaymentDueTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.PaymentDue;
    protected override string SubjectZh => "处方已审核通过，请缴费";
    protected override string TextZh => "药师已审核通过，请登录缴费，缴费后即可取药或配送。";
    protected override string SubjectEn => "Prescription approved: payment due";
    protected override string TextEn => "a pharmacist has approved it. Please sign in to pay the fee; then it can be collected or delivered.";
}

internal sealed class RenewalPharmacistRejectedTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.PharmacistRejected;
    protected override string SubjectZh => "处方退回医生修改";
    protected override string TextZh => "药师审核时发现需要医生再确认，处方已退回医生，处理后会通知您。";
    protected override string SubjectEn => "Prescription returned to the doctor";
    protected override string TextEn => "the pharmacist asked the doctor to look at it again. We will let you know what the doctor decides.";
}

internal sealed class RenewalPaidTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.Paid;
    protected override string SubjectZh => "处方费用已支付";
    protected override string TextZh => "费用已支付。自取请登录查看取药码。";
    protected override string SubjectEn => "Prescription fee paid";
    protected override string TextEn => "the fee is paid. For pickup, sign in to see your pickup code.";
}

internal sealed class RenewalDispensedTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.Dispensed;
    protected override string SubjectZh => "药品已备好，请取药";
    protected override string TextZh => "药房已为您备好药品，请携带取药码到药房窗口取药。";
    protected override string SubjectEn => "Your medicine is ready for pickup";
    protected override string TextEn => "the pharmacy has prepared your medicine. Bring your pickup code to the pharmacy window.";
}

internal sealed class RenewalShippedTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.Shipped;
    protected override string SubjectZh => "药品已发出";
    protected override string TextZh => "药品已交快递配送，请登录查看物流信息。";
    protected override string SubjectEn => "Your medicine is on its way";
    protected override string TextEn => "your medicine has been handed to the courier. Sign in to follow the delivery.";
}

internal sealed class RenewalDeliveryUpdatedTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.DeliveryUpdated;
    protected override string SubjectZh => "配送状态更新";
    protected override string TextZh => "配送状态已更新，请登录查看。";
    protected override string SubjectEn => "Delivery update";
    protected override string TextEn => "there is news about your delivery. Sign in to see it.";
}

internal sealed class RenewalPickedUpTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.PickedUp;
    protected override string SubjectZh => "药品已取走";
    protected override string TextZh => "药品已在药房窗口取走。如果不是您本人，请联系医院。";
    protected override string SubjectEn => "Medicine collected";
    protected override string TextEn => "the medicine was collected at the pharmacy window. If that was not you, contact the hospital.";
}

internal sealed class RenewalDeliveredTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.Delivered;
    protected override string SubjectZh => "药品已送达";
    protected override string TextZh => "药品已送达。";
    protected override string SubjectEn => "Medicine delivered";
    protected override string TextEn => "your medicine has been delivered.";
}

internal sealed class RenewalCancelledTemplate : RenewalTemplate
{
    public override string Kind => RenewalNotices.Cancelled;
    protected override string SubjectZh => "续方申请已取消";
    protected override string TextZh => "申请已按您的要求取消。";
    protected override string SubjectEn => "Renewal request cancelled";
    protected override string TextEn => "it has been cancelled as you asked.";
}

internal sealed class RenewalReturnedToDoctorTemplate : INotificationTemplate
{
    public string Kind => RenewalNotices.ReturnedToDoctor;

    public EmailText Render(string language, IReadOnlyDictionary<string, string> parameters, TemplateContext context) =>
        language == SupportedLanguages.English
            ? new EmailText($"A prescription was returned to you ({parameters["reference"]})", $"Dear {context.RecipientName},\n\na pharmacist returned the prescription of renewal request {parameters["reference"]} to you with a reason. Please look at it in your workspace.")
            : new EmailText($"处方被药师退回（{parameters["reference"]}）", $"{context.RecipientName}，您好：\n\n续方申请 {parameters["reference"]} 的处方被药师退回，请在工作台查看原因并处理。");
}
