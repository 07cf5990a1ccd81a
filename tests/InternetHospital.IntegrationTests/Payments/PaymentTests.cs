using System.Net;
using System.Net.Http.Json;
using InternetHospital.Application.Payments;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Payments;

/// <summary>The payment port with the simulated gateway, as features will use it (they start payments; payers pay).</summary>
public abstract class PaymentTests(ApiFactory factory)
{
    [Fact]
    public async Task The_payer_pays_with_the_simulated_gateway_and_gets_a_receipt()
    {
        var (email, client, paymentId) = await StartPaymentAsync(88.5m);

        var pending = await (await client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync();
        Assert.Equal("Pending", pending.GetProperty("status").GetString());
        Assert.True(pending.GetProperty("simulated").GetBoolean());
        Assert.Equal(88.5m, pending.GetProperty("amount").GetDecimal());

        var paid = await (await client.PostAsJsonAsync($"/api/payments/{paymentId}/simulate", new { outcome = "Succeed" })).ReadJsonAsync();
        Assert.Equal("Succeeded", paid.GetProperty("status").GetString());
        Assert.Equal(["created", "intent_created", "succeeded"], paid.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("type").GetString()));

        var receipt = await Mailbox.WaitForAsync(email, "88.50");
        Assert.Contains(paymentId.ToString(), receipt.TextBody, StringComparison.Ordinal);

        // Paying twice is refused and changes nothing.
        var again = await client.PostAsJsonAsync($"/api/payments/{paymentId}/simulate", new { outcome = "Succeed" });
        Assert.Equal("payment_not_pending", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task A_declined_payment_is_recorded_and_can_be_seen_by_the_payer_only()
    {
        var (_, client, paymentId) = await StartPaymentAsync(20m);

        var declined = await (await client.PostAsJsonAsync($"/api/payments/{paymentId}/simulate", new { outcome = "Fail" })).ReadJsonAsync();
        Assert.Equal("Failed", declined.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(declined.GetProperty("failureReason").GetString()));

        var stranger = await factory.CreateClientAsAsync("wangxiuying@demo.test", TestData.DemoPassword);
        await (await stranger.GetAsync($"/api/payments/{paymentId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/payments/{paymentId}/simulate", new { outcome = "Succeed" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refund_returns_the_full_amount_once_and_tells_the_payer()
    {
        var (email, client, paymentId) = await StartPaymentAsync(45m);
        await client.PostAsJsonAsync($"/api/payments/{paymentId}/simulate", new { outcome = "Succeed" });

        for (var i = 0; i < 2; i++)
        {
            using var scope = factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IPayments>().RefundAsync(paymentId, "Visit cancelled", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var refunded = await (await client.GetAsync($"/api/payments/{paymentId}")).ReadJsonAsync();
        Assert.Equal("Refunded", refunded.GetProperty("status").GetString());
        Assert.Equal(45m, refunded.GetProperty("refundedAmount").GetDecimal());
        Assert.Single(refunded.GetProperty("history").EnumerateArray(), h => h.GetProperty("type").GetString() == "refunded");
        var refundMail = await Mailbox.WaitForAsync(email, "退款通知");
        Assert.Contains("45.00", refundMail.Subject, StringComparison.Ordinal);
        Assert.Single(await Mailbox.ListAsync(email), m => m.Subject?.Contains("退款", StringComparison.Ordinal) == true);
    }

    private async Task<(string Email, HttpClient Client, Guid PaymentId)> StartPaymentAsync(decimal amount)
    {
        var email = TestData.Email();
        var registered = await (await factory.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration(email))).ReadJsonAsync(HttpStatusCode.Created);

        using var scope = factory.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email);
        var payment = await scope.ServiceProvider.GetRequiredService<IPayments>().StartAsync(
            new NewPayment(account!.Id, registered.GetProperty("patientId").GetGuid(), "test", Guid.NewGuid(), amount, "Test fee"),
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Payments.AnyAsync(p => p.Id == payment.Id));
        return (email, await factory.CreateClientAsAsync(email, TestData.StrongPassword), payment.Id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PaymentTestsOnSqlite(SqliteApiFactory factory) : PaymentTests(factory);

[Collection(PostgresCollection.Name)]
public sealed class PaymentTestsOnPostgres(PostgresApiFactory factory) : PaymentTests(factory);
