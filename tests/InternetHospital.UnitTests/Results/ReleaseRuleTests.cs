using InternetHospital.Application.His;
using InternetHospital.Application.Results;
using InternetHospital.Domain.Common;
using InternetHospital.Domain.Results;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.UnitTests.Results;

/// <summary>Domain rule 25: ordinary results at once; sensitive ones after the ordering doctor releases them or after the delay.</summary>
public sealed class ReleaseRuleTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromDays(7);
    private static readonly string[] SensitiveCodes = new ResultsOptions().SensitiveCodes;

    private static HisLabReport Report(string code, params (string Code, string? System, string? Flag)[] values) => new(
        "R-" + Guid.NewGuid().ToString("N"), code, "urn:his:lab", "test", "final", DateTimeOffset.UnixEpoch, "L1", "李伟",
        values.Select(v => new HisLabObservation(v.Code, v.System, v.Code, 1m, null, null, null, null, null, v.Flag, null)).ToList());

    private static LabReport Receive(HisLabReport report, FakeTimeProvider clock) =>
        LabReport.Receive("H1", LabResultIntake.Content(report), LabResultIntake.IsSensitive(report, SensitiveCodes), Delay, null, clock.GetUtcNow());

    [Fact]
    public void An_ordinary_report_is_visible_at_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var report = Receive(Report("LIPID", ("TC", "urn:his:lab", "H")), clock);

        Assert.False(report.Sensitive);
        Assert.True(report.IsVisibleToPatient(clock.GetUtcNow()));
        Assert.Throws<DomainConflictException>(() => report.Release(Guid.NewGuid(), clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("HIV", null)] // local code of the report
    [InlineData("PANEL", "56888-1")] // a LOINC value inside an ordinary-looking panel
    [InlineData("GENE", null)]
    public void A_sensitive_report_waits_for_the_delay_to_the_second(string reportCode, string? valueCode)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var report = Receive(valueCode is null ? Report(reportCode) : Report(reportCode, (valueCode, "LN", null)), clock);

        Assert.True(report.Sensitive);
        Assert.False(report.IsVisibleToPatient(clock.GetUtcNow()));
        clock.Advance(Delay - TimeSpan.FromSeconds(1));
        Assert.False(report.IsVisibleToPatient(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(report.IsVisibleToPatient(clock.GetUtcNow()));
    }

    [Fact]
    public void The_ordering_doctor_releases_a_sensitive_report_early_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var report = Receive(Report("HIV"), clock);
        clock.Advance(TimeSpan.FromHours(2));
        var doctor = Guid.NewGuid();

        report.Release(doctor, clock.GetUtcNow());

        Assert.True(report.IsVisibleToPatient(clock.GetUtcNow()));
        Assert.Equal((doctor, clock.GetUtcNow()), (report.ReleasedBy!.Value, report.ReleasedAt!.Value));
        Assert.Throws<DomainConflictException>(() => report.Release(doctor, clock.GetUtcNow()));
    }

    [Fact]
    public void A_correction_keeps_the_release_clock_of_the_first_arrival()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var first = Report("HIV");
        var report = Receive(first, clock);
        clock.Advance(TimeSpan.FromDays(6));

        report.Correct(LabResultIntake.Content(first with { Status = "corrected" }), sensitive: true, Delay, "MSG-2");

        Assert.False(report.IsVisibleToPatient(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(report.IsVisibleToPatient(clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("HH", LabFlag.CriticalHigh, true)]
    [InlineData("LL", LabFlag.CriticalLow, true)]
    [InlineData("AA", LabFlag.Critical, true)]
    [InlineData("H", LabFlag.High, false)]
    [InlineData("L", LabFlag.Low, false)]
    [InlineData("A", LabFlag.Abnormal, false)]
    [InlineData("N", LabFlag.Normal, false)]
    [InlineData(null, LabFlag.Normal, false)]
    public void Hl7_abnormal_flags_map_to_flags_and_critical_values(string? flag, LabFlag expected, bool critical)
    {
        var report = Receive(Report("LIPID", ("TC", "urn:his:lab", flag)), new FakeTimeProvider());

        Assert.Equal(expected, report.Observations.Single().Flag);
        Assert.Equal(critical, report.HasCritical);
    }
}
