using InternetHospital.Application.Common.Behaviours;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InternetHospital.UnitTests.Common;

public sealed class LoggingBehaviourTests
{
    [Fact]
    public async Task Slow_use_cases_give_one_warning_a_second_that_counts_the_slow_ones_it_stands_for()
    {
        var clock = new FakeTimeProvider();
        var logger = new ListLogger();
        var behaviour = new LoggingBehaviour<SlowProbe, int>(logger, clock);
        var slow = new MessageHandlerDelegate<SlowProbe, int>((_, _) =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(600));
            return ValueTask.FromResult(1);
        });
        var quick = new MessageHandlerDelegate<SlowProbe, int>((_, _) => ValueTask.FromResult(1));

        await behaviour.Handle(new SlowProbe(), slow, CancellationToken.None);
        await behaviour.Handle(new SlowProbe(), slow, CancellationToken.None);
        await behaviour.Handle(new SlowProbe(), quick, CancellationToken.None);
        Assert.Single(logger.Warnings);

        clock.Advance(TimeSpan.FromMilliseconds(500));
        await behaviour.Handle(new SlowProbe(), slow, CancellationToken.None);

        Assert.Equal(2, logger.Warnings.Count);
        Assert.Equal(0, logger.Warnings[0]["FoldedSlow"]);
        Assert.Equal(1, logger.Warnings[1]["FoldedSlow"]);
        Assert.Equal(nameof(SlowProbe), logger.Warnings[1]["UseCase"]);
    }

    public sealed record SlowProbe : IQuery<int>;

    private sealed class ListLogger : ILogger<LoggingBehaviour<SlowProbe, int>>
    {
        public List<Dictionary<string, object?>> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                Warnings.Add(values.ToDictionary(v => v.Key, v => v.Value));
            }
        }
    }
}
