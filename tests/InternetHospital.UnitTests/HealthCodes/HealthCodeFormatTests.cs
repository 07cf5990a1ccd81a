using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InternetHospital.Application.HealthCodes;
using InternetHospital.Domain.HealthCodes;
using InternetHospital.Infrastructure.Security;

namespace InternetHospital.UnitTests.HealthCodes;

/// <summary>The dynamic health code's format: what a third-party scanner relies on to verify a code offline.</summary>
public sealed class HealthCodeFormatTests : IDisposable
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 6, 8, 30, 0, TimeSpan.Zero);

    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => key.Dispose();

    private string KeyId => HealthCodeFormat.KeyIdOf(key);

    private string Sign(DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null)
    {
        var at = issuedAt ?? IssuedAt;
        return HealthCodeFormat.Sign(new HealthCodeClaims("handle-123", "CFH", at, at + (lifetime ?? HealthCodeFormat.Lifetime), "nonce-1", KeyId), key);
    }

    private HealthCodeFailure Verify(string code, DateTimeOffset now, out HealthCodeClaims? claims) =>
        HealthCodeFormat.Verify(code, kid => kid == KeyId ? ECDsa.Create(key.ExportParameters(false)) : null, now, out claims);

    [Fact]
    public void A_signed_code_verifies_and_carries_its_claims()
    {
        var code = Sign();

        Assert.StartsWith("HC1:", code, StringComparison.Ordinal);
        Assert.Equal(HealthCodeFailure.None, Verify(code, IssuedAt.AddSeconds(59), out var claims));
        Assert.Equal(new HealthCodeClaims("handle-123", "CFH", IssuedAt, IssuedAt.AddSeconds(60), "nonce-1", KeyId), claims);
    }

    [Fact]
    public void The_payload_names_no_record_id_and_is_plain_json()
    {
        var code = Sign();
        var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(code.AsSpan(4, code.IndexOf('.', StringComparison.Ordinal) - 4))).RootElement;

        Assert.Equal(["v", "kid", "sub", "iss", "iat", "exp", "n"], payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, payload.GetProperty("v").GetInt32());
        Assert.Equal(IssuedAt.ToUnixTimeSeconds() + 60, payload.GetProperty("exp").GetInt64());
    }

    [Fact]
    public void A_code_expires_after_its_minute()
    {
        var code = Sign();

        Assert.Equal(HealthCodeFailure.Expired, Verify(code, IssuedAt.AddSeconds(60), out var claims));
        Assert.Equal("handle-123", claims!.Handle);
        Assert.Equal(HealthCodeFailure.Expired, Verify(code, IssuedAt.AddHours(1), out _));
    }

    [Fact]
    public void A_code_from_the_future_beyond_the_clock_skew_is_not_yet_valid()
    {
        Assert.Equal(HealthCodeFailure.None, Verify(Sign(IssuedAt.AddSeconds(20)), IssuedAt, out _));
        Assert.Equal(HealthCodeFailure.Expired, Verify(Sign(IssuedAt.AddMinutes(5)), IssuedAt, out _));
    }

    [Fact]
    public void A_correctly_signed_code_claiming_a_longer_life_is_refused()
    {
        Assert.Equal(HealthCodeFailure.Invalid, Verify(Sign(lifetime: TimeSpan.FromHours(1)), IssuedAt.AddSeconds(1), out _));
    }

    [Fact]
    public void A_tampered_payload_fails_the_signature()
    {
        var code = Sign();
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code.AsSpan(4, dot - 4))).Replace("handle-123", "handle-999", StringComparison.Ordinal);
        var forged = "HC1:" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json)) + code[dot..];

        Assert.Equal(HealthCodeFailure.Invalid, Verify(forged, IssuedAt.AddSeconds(1), out var claims));
        Assert.Null(claims);
    }

    [Fact]
    public void A_code_signed_with_another_key_is_refused_even_under_the_same_key_id()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = HealthCodeFormat.Sign(new HealthCodeClaims("handle-123", "CFH", IssuedAt, IssuedAt.AddSeconds(60), "n", KeyId), other);

        Assert.Equal(HealthCodeFailure.Invalid, Verify(forged, IssuedAt.AddSeconds(1), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("HC1:")]
    [InlineData("HC1:not-base64!.x")]
    [InlineData("HC1:eyJ2IjoxfQ.AAAA")]
    [InlineData("HC2:eyJ2IjoxfQ.AAAA")]
    [InlineData("12345678")]
    public void Garbage_is_invalid_and_never_throws(string code) =>
        Assert.Equal(HealthCodeFailure.Invalid, Verify(code, IssuedAt, out _));

    [Fact]
    public void A_scanner_verifies_offline_with_only_the_published_jwk()
    {
        var code = Sign();
        var published = JsonSerializer.Serialize(HealthCodeFormat.ToJwk(key, KeyId));
        Assert.DoesNotContain("\"d\"", published, StringComparison.Ordinal);

        // The scanner's side: nothing but the JWK text and the code.
        var jwk = JsonSerializer.Deserialize<HealthCodeJwk>(published)!;
        using var publicKey = HealthCodeFormat.FromJwk(jwk);
        Assert.Equal(jwk.Kid, HealthCodeFormat.KeyIdOf(publicKey));
        var failure = HealthCodeFormat.Verify(code, kid => kid == jwk.Kid ? HealthCodeFormat.FromJwk(jwk) : null, IssuedAt.AddSeconds(10), out var claims);

        Assert.Equal(HealthCodeFailure.None, failure);
        Assert.Equal("CFH", claims!.Issuer);
        Assert.Equal(("EC", "P-256", "ES256", "sig"), (jwk.Kty, jwk.Crv, jwk.Alg, jwk.Use));
    }

    [Fact]
    public void The_key_service_signs_with_the_current_key_and_still_verifies_a_previous_one()
    {
        using var previous = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keys = new HealthCodeKeys(key, [previous.ExportSubjectPublicKeyInfoPem()]);
        var previousId = HealthCodeFormat.KeyIdOf(previous);
        var old = HealthCodeFormat.Sign(new HealthCodeClaims("h", "CFH", IssuedAt, IssuedAt.AddSeconds(60), "n", previousId), previous);
        string current;
        using (var signer = keys.CreateSigner())
        {
            current = HealthCodeFormat.Sign(new HealthCodeClaims("h", "CFH", IssuedAt, IssuedAt.AddSeconds(60), "n", keys.CurrentKeyId), signer);
        }

        Assert.Equal([KeyId, previousId], keys.Published.Select(k => k.Kid));
        Assert.Equal(HealthCodeFailure.None, HealthCodeFormat.Verify(current, keys.CreateVerifier, IssuedAt, out _));
        Assert.Equal(HealthCodeFailure.None, HealthCodeFormat.Verify(old, keys.CreateVerifier, IssuedAt, out _));
        Assert.Null(keys.CreateVerifier("unknown"));
    }

    [Fact]
    public void A_pin_is_six_digits_hashed_with_a_salt()
    {
        var hash = HealthCodeSecrets.HashPin("204816");

        Assert.True(HealthCodeSecrets.VerifyPin("204816", hash));
        Assert.False(HealthCodeSecrets.VerifyPin("204817", hash));
        Assert.NotEqual(hash, HealthCodeSecrets.HashPin("204816"));
        Assert.DoesNotContain("204816", hash, StringComparison.Ordinal);
        Assert.False(HealthCodeSecrets.IsPin("12345"));
        Assert.False(HealthCodeSecrets.IsPin("12345a"));
        Assert.False(HealthCodeSecrets.IsPin("１２３４５６"));
    }

    [Fact]
    public void Five_wrong_pins_lock_until_a_new_pin_is_set()
    {
        var holder = HealthCodeHolder.Create(Guid.NewGuid(), HealthCodeSecrets.NewHandle(), IssuedAt);
        holder.SetPin("x");
        Assert.False(holder.RecordPinFailure(IssuedAt));
        holder.RecordPinSuccess();
        for (var i = 1; i < HealthCodeHolder.MaxPinFailures; i++)
        {
            Assert.False(holder.RecordPinFailure(IssuedAt));
        }

        Assert.True(holder.RecordPinFailure(IssuedAt));
        Assert.True(holder.PinLocked);
        holder.SetPin("y");
        Assert.False(holder.PinLocked);
        Assert.Equal(0, holder.PinFailures);
    }

    [Theory]
    [InlineData("check-in", "Registrar", true)]
    [InlineData("check-in", "Pharmacist", false)]
    [InlineData("pickup", "Pharmacist", true)]
    [InlineData("pickup", "Registrar", false)]
    [InlineData("pickup", "Doctor", false)]
    [InlineData("home-visit", "Nurse", true)]
    [InlineData("home-visit", "Registrar", false)]
    [InlineData("emergency", "Doctor", true)]
    [InlineData("emergency", "Patient", false)]
    public void Each_purpose_is_open_to_the_roles_that_do_that_work(string purpose, string role, bool allowed) =>
        Assert.Equal(allowed, HealthCodePurposes.IsAllowed(HealthCodePurposes.Parse(purpose)!.Value, [role]));
}
