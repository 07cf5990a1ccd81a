using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using InternetHospital.Infrastructure.His.Delivery;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace InternetHospital.Infrastructure.His.Fhir;

/// <summary>
/// Writes FHIR R4 resources with conditional updates (<c>PUT [type]?identifier=system|value</c>): the first delivery
/// creates, a redelivery after a lost answer updates the same resource. Reschedules and cancellations read the
/// Appointment the HIS holds and change only what the message says. Each request carries the outbox message id in
/// <c>X-Request-Id</c> for the HIS's logs.
/// </summary>
internal sealed class FhirHisWriter(IHttpClientFactory httpClients, IOptions<HisOptions> options) : IHisWriter
{
    public const string HttpClientName = "his-fhir-writer";

    private readonly FhirResourceMapper mapper = new(options.Value.Identifiers);

    public Task DeliverAsync(HisOutboundMessage message, CancellationToken cancellationToken) =>
        DeliverAsync(message, options.Value.FhirWriter.BaseUrl!, bearerToken: null, cancellationToken);

    /// <summary>Delivers to a FHIR server of the caller's choosing: an institution's own HIS.</summary>
    public async Task DeliverAsync(HisOutboundMessage message, Uri baseUrl, string? bearerToken, CancellationToken cancellationToken)
    {
        using var client = FhirClients.Create(httpClients.CreateClient(HttpClientName), baseUrl);
        client.RequestHeaders!.Add("X-Request-Id", message.MessageId.ToString());
        if (bearerToken is not null)
        {
            client.RequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }

        foreach (var write in mapper.Map(message))
        {
            await FhirClients.CallAsync(async () =>
            {
                var condition = new SearchParams().Where($"identifier={write.IdentifierSystem}|{write.IdentifierValue}");
                var resource = write.Resource;
                if (write.UpdateExisting)
                {
                    var found = await client.SearchAsync<Appointment>(condition, cancellationToken);
                    var existing = found?.Entry.Select(e => e.Resource).OfType<Appointment>().ToList() ?? [];
                    if (existing.Count != 1)
                    {
                        throw new HisDeliveryException(HisFailure.Rejected, $"The HIS holds {existing.Count} appointments with identifier {write.IdentifierValue}; expected one.");
                    }

                    resource = FhirResourceMapper.Apply(existing[0], (Appointment)resource);
                    resource.Id = existing[0].Id;
                }

                await client.ConditionalUpdateAsync(resource, condition, versionAware: false, cancellationToken);
            });
        }
    }
}

/// <summary>Firely client set-up and error translation shared by the FHIR reader and writer.</summary>
internal static class FhirClients
{
    public static FhirClient Create(HttpClient http, Uri baseUrl) => new(baseUrl, http, new FhirClientSettings
    {
        PreferredFormat = ResourceFormat.Json,
        VerifyFhirVersion = false,
    });

    /// <summary>Runs a FHIR call; network trouble and 5xx/408/429 are "unreachable", other 4xx "rejected".</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (FhirOperationException exception)
        {
            var status = exception.Status;
            var transient = (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            var detail = exception.Outcome?.Issue.Select(i => i.Diagnostics ?? i.Details?.Text).FirstOrDefault(t => !string.IsNullOrEmpty(t));
            throw new HisDeliveryException(
                transient ? HisFailure.Unreachable : HisFailure.Rejected,
                $"FHIR server answered {(int)status} {status}{(detail is null ? string.Empty : ": " + detail)}",
                exception);
        }
        catch (HttpRequestException exception)
        {
            throw new HisDeliveryException(HisFailure.Unreachable, "Cannot reach the FHIR server: " + exception.Message, exception);
        }
        catch (TaskCanceledException exception) when (exception.InnerException is TimeoutException)
        {
            throw new HisDeliveryException(HisFailure.Unreachable, "The FHIR server did not answer in time.", exception);
        }
    }

    public static Task CallAsync(Func<Task> call) => CallAsync(async () =>
    {
        await call();
        return true;
    });
}
