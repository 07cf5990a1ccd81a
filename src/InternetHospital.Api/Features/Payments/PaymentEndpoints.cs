using InternetHospital.Api.Common;
using InternetHospital.Application.Payments;
using Mediator;

namespace InternetHospital.Api.Features.Payments;

internal sealed class PaymentEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/payments").WithTags("Payments").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity).RequireAuthorization();
        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetPayment(id), ct)))
            .WithSummary("One of your payments, with its history.");
        group.MapPost("/{id:guid}/simulate", async (Guid id, SimulateRequest body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SimulatePayment(id, body.Outcome), ct)))
            .WithSummary("Simulated gateway only: complete your pending payment as paid or declined.");
    }

    internal sealed record SimulateRequest(SimulatedOutcome Outcome);
}
