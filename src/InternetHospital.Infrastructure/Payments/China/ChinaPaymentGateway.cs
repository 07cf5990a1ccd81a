using System.Security.Cryptography;

namespace InternetHospital.Infrastructure.Payments.China;

/// <summary>
/// What the WeChat Pay and Alipay gateways share: a real provider (never simulated) reached through its own named
/// HttpClient, our RSA key that signs requests and the provider's that every answer is checked against (each read from
/// options only when first used, so a misconfigured key fails the call that needs it, and disposed with the gateway),
/// and our order number.
/// </summary>
internal abstract class ChinaPaymentGateway(IHttpClientFactory httpClients, string providerName, Func<RSA> ownKey, Func<RSA> providerKey)
    : IDisposable
{
    private readonly Lazy<RSA> ownKey = new(ownKey);
    private readonly Lazy<RSA> providerKey = new(providerKey);

    public string Name => providerName;

    public bool IsSimulated => false;

    /// <summary>Our private key, which signs what we send.</summary>
    protected RSA OwnKey => ownKey.Value;

    /// <summary>The provider's public key: an answer or notification is believed only with its signature.</summary>
    protected RSA ProviderKey => providerKey.Value;

    /// <summary>Our order number: the payment id without dashes (32 characters, WeChat Pay allows 6–32).</summary>
    internal static string OrderNumber(Guid paymentId) => paymentId.ToString("N");

    /// <summary>The provider's HttpClient (registered under its name, with its timeout).</summary>
    protected HttpClient CreateHttpClient() => httpClients.CreateClient(providerName);

    public void Dispose()
    {
        if (ownKey.IsValueCreated)
        {
            ownKey.Value.Dispose();
        }

        if (providerKey.IsValueCreated)
        {
            providerKey.Value.Dispose();
        }
    }
}
