using InternetHospital.Application.Notifications;
using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Emergency;

/// <summary>
/// The crew tells the patient's family (those who act for the patient: guardians and consented proxies, and the
/// patient's own account) where the patient is being taken. Needs a known patient and a destination.
/// </summary>
public sealed record NotifyEmergencyFamily(Guid CaseId, SyncStamp Stamp) : ICommand<CrewReceipt>
{
    public sealed class Handler(IAppDbContext db, CrewWriter writer, INotifier notifier, IPatientAccessGuard patients) : ICommandHandler<NotifyEmergencyFamily, CrewReceipt>
    {
        public async ValueTask<CrewReceipt> Handle(NotifyEmergencyFamily command, CancellationToken cancellationToken) =>
            await writer.WriteAsync(command.CaseId, command.Stamp, "family", async (c, _, now) =>
            {
                if (c.PatientId is not { } patientId)
                {
                    throw new DomainRuleException("emergency_patient_unknown", "The patient is not identified yet.");
                }

                if (c.DestinationFacilityId is not { } facilityId)
                {
                    throw new DomainRuleException("emergency_destination_required", "Name the destination first.");
                }

                if ((await patients.AccountsActingForAsync(patientId, PatientScope.Appointments, cancellationToken)).Count == 0)
                {
                    throw new DomainRuleException("emergency_no_family", "Nobody acts for this patient in the portal.");
                }

                var hospital = await db.Facilities.AsNoTracking().SingleAsync(f => f.Id == facilityId, cancellationToken);
                var name = await db.Patients.Where(p => p.Id == patientId).Select(p => p.FullName).SingleAsync(cancellationToken);
                await notifier.NotifyPatientAsync(new PatientNotice(
                    patientId,
                    PatientScope.Appointments,
                    ActorAccountId: null,
                    EmergencyNotifications.FamilyInformed,
                    new Dictionary<string, string> { ["patientName"] = name, ["hospital"] = hospital.Name, ["hospitalEn"] = hospital.NameEn }), cancellationToken);
                c.NotedFamilyNotified(now);
                return null;
            }, cancellationToken);
    }
}
