using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Referrals;

namespace InternetHospital.Application.Referrals;

/// <summary>Tells the people a referral's step concerns (the patient and proxies with the Appointments scope, the referring doctor).</summary>
internal static class ReferralMessages
{
    public static async Task TellPatientAsync(this INotifier notifier, ReferralAccess access, Referral referral, string kind, CancellationToken cancellationToken)
    {
        foreach (var account in await access.PatientAccountsAsync(referral.PatientId, cancellationToken))
        {
            await notifier.NotifyAsync(new Notice(account, kind, Parameters(referral), $"{ReferralNotifications.PatientLink}/{referral.Id}?patientId={referral.PatientId}"), cancellationToken);
        }
    }

    public static async Task TellSenderAsync(this INotifier notifier, IAppDbContext db, Referral referral, string kind, CancellationToken cancellationToken)
    {
        var account = await db.Doctors.Where(d => d.Id == referral.FromDoctorId).Select(d => d.AccountId).SingleAsync(cancellationToken);
        await notifier.NotifyAsync(new Notice(account, kind, Parameters(referral), $"{ReferralNotifications.DoctorLink}/{referral.Id}"), cancellationToken);
    }

    private static Dictionary<string, string> Parameters(Referral referral) => new(StringComparer.Ordinal) { ["referralId"] = referral.Id.ToString() };
}
