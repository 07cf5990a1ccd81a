namespace InternetHospital.Application.Emergency.Administration;

/// <summary>
/// An institution's administrator (or the consortium's) takes a member off one of its pathway teams: the next
/// activation no longer alerts them (alerts already sent stay on record). 404 for a member of no team of that hospital.
/// </summary>
public sealed record RemovePathwayTeamMember(Guid FacilityId, Guid MemberId) : ICommand<Guid>
{
    public sealed class Handler(IAppDbContext db, InstitutionScope scope, IAuditLog audit) : ICommandHandler<RemovePathwayTeamMember, Guid>
    {
        public async ValueTask<Guid> Handle(RemovePathwayTeamMember command, CancellationToken cancellationToken)
        {
            var member = await db.PathwayTeamMembers.SingleOrDefaultAsync(m => m.Id == command.MemberId && m.FacilityId == command.FacilityId, cancellationToken)
                ?? throw new NotFoundException("Pathway team member", command.MemberId);
            await scope.EnsureAsync(member.FacilityId, EmergencyAdminAudit.HospitalResource, member.FacilityId, cancellationToken);
            db.PathwayTeamMembers.Remove(member);
            audit.Record(EmergencyAdminAudit.TeamMemberRemoved, EmergencyAdminAudit.HospitalResource, member.FacilityId.ToString(), null, $"{member.Pathway}; account={member.AccountId}");
            return member.Id;
        }
    }
}
