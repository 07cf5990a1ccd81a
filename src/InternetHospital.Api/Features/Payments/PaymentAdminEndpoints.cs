using InternetHospital.Api.Common;
using InternetHospital.Application.Payments;
using Mediator;

namespace InternetHospital.Api.Features.Payments;

/// <summary>Reconciliation for the hospital's administrator: the daily runs, what they found, and a run on demand.</summary>
internal sealed class PaymentAdminEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/payments").WithTags("Payments").WithProblems(StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Policies.SystemAdmin);
        admin.MapGet("/reconciliation", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPaymentReconciliation(), ct)))
            .WithSummary("Recent bill comparisons and the discrepancies found (lost callbacks applied, amounts that differ, trades unknown on either side).");
        admin.MapPost("/reconciliation", async (RunBody body, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ReconcilePayments(body.Provider, body.Date), ct)))
            .WithSummary("Compare one provider's bill of one past day now (also done daily by the reconciliation job).");
    }

    internal sealed record RunBody(string Provider, DateOnly Date);
}
