using FluentValidation;
using InternetHospital.Application.Common.Exceptions;
using InternetHospital.Domain.Common;
using Microsoft.AspNetCore.SignalR;

namespace InternetHospital.Api.Features.VideoVisits;

/// <summary>
/// Runs each visit-hub call as its connection's user (so audit entries and the application's current user work as in an
/// HTTP request) and turns the application's refusals into hub errors carrying the same stable codes as problem
/// documents (<c>not_found: ...</c>, <c>visit_finished: ...</c>); anything else stays a generic error.
/// </summary>
internal sealed class VisitHubFilter(IHttpContextAccessor accessor) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        accessor.HttpContext ??= invocationContext.Context.GetHttpContext();
        try
        {
            return await next(invocationContext);
        }
        catch (Exception exception) when (Translate(exception) is { } error)
        {
            throw error;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        accessor.HttpContext ??= context.Context.GetHttpContext();
        await next(context, exception);
    }

    private static HubException? Translate(Exception exception) => exception switch
    {
        NotFoundException => new HubException("not_found: There is no such visit for you."),
        ForbiddenAccessException forbidden => new HubException($"{forbidden.Code}: {forbidden.Message}"),
        DomainException domain => new HubException($"{domain.Code}: {domain.Message}"),
        ValidationException => new HubException("invalid: The request is not valid."),
        Application.VideoVisits.Media.MediaServerUnavailableException => new HubException("media_unavailable: The video media server cannot be reached right now; try again in a few minutes."),
        _ => null,
    };
}
