using InternetHospital.Domain.Hospital;
using InternetHospital.Infrastructure.His.Fhir;
using Microsoft.Extensions.Configuration;

namespace InternetHospital.Infrastructure.His.Delivery;

/// <summary>Where an outbox message goes: the consortium's HIS (<c>His:</c>), or an institution's own HIS as its settings say.</summary>
internal sealed record HisRoute(string FacilityCode, FacilityHisAdapter Adapter, string? Endpoint);

/// <summary>
/// Picks the write adapter of a message: the consortium's writer for messages without an institution or for an
/// institution that uses the consortium's HIS; a FHIR writer at the institution's endpoint otherwise. The
/// institution's secret (a bearer token) comes from configuration, <c>His:Institutions:{code}:BearerToken</c>, never
/// from the database.
/// </summary>
internal sealed class InstitutionHisWriters(IHisWriter consortium, FhirHisWriter fhir, IConfiguration configuration)
{
    public const string SecretSection = "His:Institutions";

    public IHisWriter For(HisRoute? route)
    {
        if (route is null || route.Adapter == FacilityHisAdapter.ConsortiumDefault || route.Endpoint is null)
        {
            return consortium;
        }

        var baseUrl = new Uri(route.Endpoint, UriKind.Absolute);
        var token = configuration[$"{SecretSection}:{route.FacilityCode}:BearerToken"];
        return new InstitutionFhirWriter(fhir, baseUrl, string.IsNullOrEmpty(token) ? null : token);
    }

    private sealed class InstitutionFhirWriter(FhirHisWriter fhir, Uri baseUrl, string? bearerToken) : IHisWriter
    {
        public Task DeliverAsync(HisOutboundMessage message, CancellationToken cancellationToken) =>
            fhir.DeliverAsync(message, baseUrl, bearerToken, cancellationToken);
    }
}
