using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Infrastructure;

/// <summary>
/// PBKDF2 at production strength (100,000 iterations of HMAC-SHA512, ~40 ms of CPU a hash here) in every test host was
/// a large share of the suite's CPU: each host seeds some twenty demo accounts, and nearly every test registers a
/// patient and signs in. The tests check what a password admits and refuses, not how slowly; the hash format, the
/// salt and the verification path stay the real ones (the iteration count is stored in each hash).
/// </summary>
public static class TestPasswordHashing
{
    public const int Iterations = 1_000;

    public static IServiceCollection UseFastPasswordHashing(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = Iterations);
}
