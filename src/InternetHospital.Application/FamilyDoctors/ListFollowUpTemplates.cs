using InternetHospital.Domain.FamilyDoctors;

namespace InternetHospital.Application.FamilyDoctors;

/// <summary>The follow-up plan templates a team can start.</summary>
public sealed record ListFollowUpTemplates : IQuery<IReadOnlyList<FollowUpTemplateView>>
{
    public sealed class Handler : IQueryHandler<ListFollowUpTemplates, IReadOnlyList<FollowUpTemplateView>>
    {
        public ValueTask<IReadOnlyList<FollowUpTemplateView>> Handle(ListFollowUpTemplates query, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<FollowUpTemplateView>>(FollowUpTemplates.All.Select(FollowUpTemplateView.From).ToList());
    }
}
