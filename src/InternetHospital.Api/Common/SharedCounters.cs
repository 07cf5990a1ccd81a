using StackExchange.Redis;

namespace InternetHospital.Api.Common;

/// <summary>
/// Counters every API instance sees alike, in Redis when <c>Redis:ConnectionString</c> is set: the rate-limit windows
/// and the unknown-address sign-in lockout. Each operation is one Lua script, so the read and the write happen in one
/// step on the Redis server whatever the number of instances. Without Redis (one instance) the callers count in memory;
/// when Redis cannot be reached a call answers null and the caller falls back to its in-memory count (logged), so an
/// outage of Redis loosens the limits to per instance rather than refusing everyone.
/// </summary>
internal sealed partial class SharedCounters(IConfiguration configuration, ILogger<SharedCounters> logger) : IDisposable
{
    public const string KeyPrefix = "internethospital:";

    // Note: a fixed window opened by its first hit: the count and the time left, in one step.
    private static readonly LuaScript WindowScript = LuaScript.Prepare(
        """
        local n = redis.call('INCR', @key)
        local ttl = redis.call('PTTL', @key)
        if ttl < 0 then
          redis.call('PEXPIRE', @key, @windowMs)
          ttl = tonumber(@windowMs)
        end
        return {n, ttl}
        """);

    // Note: like Identity's lockout: the failures count, and the failure that reaches the limit sets the lock and
    // restarts the count. The count is forgotten a day after the last failure.
    private static readonly LuaScript FailureScript = LuaScript.Prepare(
        """
        local n = redis.call('INCR', @failures)
        redis.call('PEXPIRE', @failures, 86400000)
        if n >= tonumber(@max) then
          redis.call('DEL', @failures)
          redis.call('SET', @locked, '1', 'PX', @lockMs)
          return tonumber(@lockMs)
        end
        return -1
        """);

    private readonly string? connectionString = configuration["Redis:ConnectionString"] is { Length: > 0 } value ? value : null;
    private readonly SemaphoreSlim connecting = new(1, 1);
    private ConnectionMultiplexer? redis;

    public bool IsShared => connectionString is not null;

    /// <summary>Counts one hit in the window <paramref name="key"/>; null when not shared or Redis failed.</summary>
    public async Task<(long Count, TimeSpan Remaining)?> HitWindowAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var result = await RunAsync(WindowScript, new { key = (RedisKey)(KeyPrefix + key), windowMs = (long)window.TotalMilliseconds }, cancellationToken);
        if (result is null)
        {
            return null;
        }

        var values = (RedisResult[])result!;
        return ((long)values[0], TimeSpan.FromMilliseconds(Math.Max(0, (long)values[1])));
    }

    /// <summary>How long <paramref name="key"/> stays locked (null: not locked, or not shared, or Redis failed: see <see cref="IsShared"/>).</summary>
    public async Task<(bool Answered, TimeSpan? Remaining)> LockedForAsync(string key, CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync(cancellationToken);
        if (db is null)
        {
            return (false, null);
        }

        try
        {
            var ttl = await db.KeyTimeToLiveAsync(KeyPrefix + "locked:" + key);
            return (true, ttl is { } left && left > TimeSpan.Zero ? left : null);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnavailable(logger, exception);
            return (false, null);
        }
    }

    /// <summary>Counts a failure for <paramref name="key"/>; the lock's length when this failure sets it.</summary>
    public async Task<(bool Answered, TimeSpan? LockedFor)> FailedAsync(string key, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            FailureScript,
            new
            {
                failures = (RedisKey)(KeyPrefix + "failures:" + key),
                locked = (RedisKey)(KeyPrefix + "locked:" + key),
                max = maxFailures,
                lockMs = (long)lockout.TotalMilliseconds,
            },
            cancellationToken);
        if (result is null)
        {
            return (false, null);
        }

        var ms = (long)result;
        return (true, ms >= 0 ? TimeSpan.FromMilliseconds(ms) : null);
    }

    public void Dispose()
    {
        redis?.Dispose();
        connecting.Dispose();
    }

    private async Task<RedisResult?> RunAsync(LuaScript script, object parameters, CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync(cancellationToken);
        if (db is null)
        {
            return null;
        }

        try
        {
            return await script.EvaluateAsync(db, parameters);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogUnavailable(logger, exception);
            return null;
        }
    }

    private async ValueTask<IDatabase?> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (connectionString is null)
        {
            return null;
        }

        if (redis is { } connected)
        {
            return connected.GetDatabase();
        }

        await connecting.WaitAsync(cancellationToken);
        try
        {
            if (redis is null)
            {
                var options = ConfigurationOptions.Parse(connectionString);
                options.AbortOnConnectFail = false;
                redis = await ConnectionMultiplexer.ConnectAsync(options);
            }

            return redis.GetDatabase();
        }
        finally
        {
            connecting.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer; this instance counts limits and lockouts on its own until it does")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
