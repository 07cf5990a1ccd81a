using InternetHospital.Application.Audit;
using InternetHospital.Application.Common.Abstractions;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Application.Common.Security;
using InternetHospital.Domain.Appointments;
using InternetHospital.Domain.Patients;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Application.Waitlist;

/// <summary>The patient leaves a waitlist.</summary>
public sealed record LeaveWaitlist(Guid EntryId) : ICommand
{
    public sealed class Handler(IAppDbContext db, IPatientAccessGuard guard, IAuditLog audit) : ICommandHandler<LeaveWaitlist>
    {
        public async ValueTask<Unit> Handle(LeaveWaitlist command, CancellationToken cancellationToken)
        {
            var entry = await db.WaitlistEntries.SingleOrDefaultAsync(w => w.Id == command.EntryId, cancellationToken)
                ?? throw new NotFoundException("Waitlist entry", command.EntryId);
            try
            {
                await guard.EnsureCanActForAsync(entry.PatientId, PatientScope.Appointments, cancellationToken);
            }
            catch (NotFoundException)
            {
                throw new NotFoundException("Waitlist entry", command.EntryId);
            }

            entry.Leave();
            audit.Record("waitlist.left", nameof(WaitlistEntry), entry.Id.ToString(), entry.PatientId);
            return Unit.Value;
        }
    }
}
