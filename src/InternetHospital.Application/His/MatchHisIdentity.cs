using InternetHospital.Domain.Patients;
namespace InternetHospital.Application.His;

/// <summary>
/// A patient (or someone acting for them) asks for their HIS record to be found and linked now. Usually nobody has
/// to: the dispatcher matches every newly registered patient before introducing them to the HIS. This is for
/// patients registered before that, or whose match could not be made then.
/// </summary>
public sealed record MatchHisIdentity(Guid PatientId) : ICommand<HisIdentityMatch>
{
    public sealed class Handler(IPatientAccessGuard guard, IHisIdentityMatcher matcher) : ICommandHandler<MatchHisIdentity, HisIdentityMatch>
    {
        public async ValueTask<HisIdentityMatch> Handle(MatchHisIdentity command, CancellationToken cancellationToken)
        {
            await guard.EnsureCanActForAsync(command.PatientId, PatientScope.Appointments, cancellationToken);
            return await matcher.MatchAsync(command.PatientId, cancellationToken);
        }
    }
}
