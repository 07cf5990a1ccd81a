using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Patients;

namespace InternetHospital.Application.Waitlist;

/// <summary>The patient leaves a waitlist.</summary>
public sealed record LeaveWaitlist(Guid EntryId) : ICommand
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit) : ICommandHandler<LeaveWaitlist>
    {
        public async ValueTask<Unit> Handle(LeaveWaitlist command, CancellationToken cancellationToken)
        {
            var entry = await db.WaitlistEntries.SingleVisibleAsync(
                w => w.Id == command.EntryId, "Waitlist entry", command.EntryId, w => guard.EnsureCanActForAsync(w.PatientId, PatientScope.Appointments, cancellationToken), cancellationToken);

            entry.Leave();
            audit.Record("waitlist.left", nameof(WaitlistEntry), entry.Id.ToString(), entry.PatientId);
            return Unit.Value;
        }
    }
}
