using InternetHospital.Domain.Common;
using InternetHospital.Domain.Payments;

namespace InternetHospital.UnitTests.Payments;

public sealed class PaymentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static Payment NewPayment(decimal amount = 50m) =>
        Payment.Create(Guid.NewGuid(), Guid.NewGuid(), "appointment", Guid.NewGuid(), amount, "CNY", "Video visit", "Simulated", Now);

    [Fact]
    public void The_same_provider_event_applied_twice_changes_nothing_the_second_time()
    {
        var payment = NewPayment();

        Assert.True(payment.MarkSucceeded(Now, "evt_1"));
        var version = payment.Version;
        Assert.False(payment.MarkSucceeded(Now.AddSeconds(5), "evt_1"));

        Assert.Equal(version, payment.Version);
        Assert.Single(payment.Events, e => e.Type == "succeeded");
    }

    [Fact]
    public void A_refund_needs_a_succeeded_payment_and_at_most_its_amount()
    {
        var payment = NewPayment(30m);
        Assert.Equal("payment_not_refundable", Assert.Throws<DomainConflictException>(() => payment.MarkRefunded(30m, Now, "x", null)).Code);

        payment.MarkSucceeded(Now, null);
        Assert.Equal("invalid_refund_amount", Assert.Throws<DomainRuleException>(() => payment.MarkRefunded(31m, Now, "x", null)).Code);
        Assert.True(payment.MarkRefunded(30m, Now, "cancelled", "evt_r"));
        Assert.False(payment.MarkRefunded(30m, Now, "cancelled", "evt_r"));
        Assert.Equal(PaymentStatus.Refunded, payment.Status);
    }

    [Fact]
    public void A_payment_that_arrives_after_cancellation_is_still_recorded_as_paid()
    {
        var payment = NewPayment();
        Assert.True(payment.Cancel(Now, "hold expired"));

        Assert.True(payment.MarkSucceeded(Now.AddMinutes(1), "evt_late"));

        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_payment_is_for_a_positive_amount(decimal amount)
    {
        Assert.Throws<DomainRuleException>(() => NewPayment(amount));
    }
}
