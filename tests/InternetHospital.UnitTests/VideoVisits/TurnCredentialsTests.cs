using InternetHospital.Application.VideoVisits;

namespace InternetHospital.UnitTests.VideoVisits;

public sealed class TurnCredentialsTests
{
    [Fact]
    public void The_password_is_base64_hmac_sha1_of_expiry_and_user_as_coturn_computes_it()
    {
        // Expected value computed independently: base64(HMAC-SHA1("north-shared-secret", "1767225600:3f2a")).
        Assert.Equal("r7rGdsaUn8MSw7vQW6+qOdWHB+U=", TurnCredentials.Password("north-shared-secret", "1767225600:3f2a"));
    }

    [Fact]
    public void The_username_carries_the_expiry_in_unix_seconds_then_the_user()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var credential = TurnCredentials.Create("north-shared-secret", "3f2a", now.AddHours(-2), TimeSpan.FromHours(2));

        Assert.Equal("1767225600:3f2a", credential.Username);
        Assert.Equal("r7rGdsaUn8MSw7vQW6+qOdWHB+U=", credential.Password);
        Assert.Equal(now, credential.ExpiresAt);
    }

    [Fact]
    public void Another_secret_or_user_gives_another_password()
    {
        var now = DateTimeOffset.UnixEpoch.AddDays(20_000);
        var a = TurnCredentials.Create("north-shared-secret", "user-a", now, TimeSpan.FromHours(1));

        Assert.NotEqual(a.Password, TurnCredentials.Create("north-shared-secret", "user-b", now, TimeSpan.FromHours(1)).Password);
        Assert.NotEqual(a.Password, TurnCredentials.Create("south-shared-secret", "user-a", now, TimeSpan.FromHours(1)).Password);
    }

    [Fact]
    public void Options_require_a_secret_when_a_server_uses_turn_credentials()
    {
        var options = new VideoOptions { IceServers = [new IceServerOptions { Urls = ["turn:turn.hospital.example:3478"], UseTurnCredentials = true }] };

        Assert.NotEmpty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        options.TurnSecret = "a-secret-of-sixteen-plus";
        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        options.IceServers.Add(new IceServerOptions { Urls = ["http://not-ice"] });
        Assert.NotEmpty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }
}
