using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InternetHospital.Domain.Audit;
using InternetHospital.Infrastructure.Audit;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternetHospital.IntegrationTests.Audit;

/// <summary>
/// The attacks of the security review, done the way someone with the database's credentials (and not the chain key) would
/// do them. Each test damages the chain for good, so each has a host and database of its own; the background sealer is
/// slowed down so the test decides when entries are sealed and checkpointed.
/// </summary>
public abstract class AuditTamperingTests
{
    protected abstract string Provider { get; }

    [Fact]
    public async Task Deleting_an_entry_and_recomputing_an_unkeyed_chain_is_found_at_the_deleted_sequence()
    {
        await using var host = await StartAsync();
        var admin = await host.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword);
        await RegisterSomeoneAsync(host);
        await SealAndCheckpointAsync(host);
        var before = await VerifyAsync(admin);
        Assert.True(before.GetProperty("intact").GetBoolean(), before.ToString());

        // Remove one entry from the middle, then rebuild every link after it with SHA-256 as the chain used to be made.
        long deleted;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var seals = await db.AuditSeals.AsNoTracking().OrderBy(s => s.Sequence).ToListAsync();
            Assert.True(seals.Count >= 3, $"only {seals.Count} sealed entries");
            var victim = seals[seals.Count - 2];
            deleted = victim.Sequence;
            var later = seals.Where(s => s.Sequence > victim.Sequence).ToList();
            var entries = await db.AuditEntries.AsNoTracking().Where(e => later.Select(s => s.EntryId).Contains(e.Id)).ToDictionaryAsync(e => e.Id);
            await db.AuditSeals.Where(s => s.Sequence >= victim.Sequence).ExecuteDeleteAsync();
            await db.AuditEntries.Where(e => e.Id == victim.EntryId).ExecuteDeleteAsync();
            var previous = victim.PreviousHash;
            var sequence = victim.Sequence;
            foreach (var seal in later)
            {
                var hash = UnkeyedHash(previous, entries[seal.EntryId]);
                db.AuditSeals.Add(new AuditSeal(sequence++, seal.EntryId, previous, hash, seal.SealedAt));
                previous = hash;
            }

            await db.SaveChangesAsync();
        }

        var report = await VerifyAsync(admin);
        Assert.False(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.Equal(deleted, report.GetProperty("brokenAtSequence").GetInt64());
        Assert.Equal("the entry was changed after it was sealed", report.GetProperty("problem").GetString());
        Assert.Equal("entry_changed", report.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Cutting_off_the_newest_entries_with_their_seals_is_found_as_a_cut_tail()
    {
        await using var host = await StartAsync();
        var admin = await host.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword);
        await RegisterSomeoneAsync(host);
        var checkpoint = await SealAndCheckpointAsync(host);
        var before = await VerifyAsync(admin);
        Assert.True(before.GetProperty("intact").GetBoolean(), before.ToString());
        Assert.False(before.GetProperty("tailCut").GetBoolean());
        Assert.Equal(checkpoint, before.GetProperty("checkpointSequence").GetInt64());

        // The newest three entries and their seals go: what is left is a valid chain, only shorter.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var newest = await db.AuditSeals.AsNoTracking().Where(s => s.Sequence > checkpoint - 3).ToListAsync();
            await db.AuditSeals.Where(s => s.Sequence > checkpoint - 3).ExecuteDeleteAsync();
            var ids = newest.Select(s => s.EntryId).ToList();
            await db.AuditEntries.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync();
        }

        var report = await VerifyAsync(admin);
        Assert.False(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.True(report.GetProperty("tailCut").GetBoolean());
        Assert.Equal(checkpoint - 3, report.GetProperty("headSequence").GetInt64());
        Assert.Equal(checkpoint, report.GetProperty("checkpointSequence").GetInt64());
        Assert.Equal(checkpoint - 2, report.GetProperty("brokenAtSequence").GetInt64());
        Assert.Equal("the newest entries were removed", report.GetProperty("problem").GetString());
        Assert.Equal("tail_cut", report.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_checkpoint_written_without_the_key_is_rejected_and_proves_nothing()
    {
        await using var host = await StartAsync();
        var admin = await host.CreateClientAsAsync("audit.wu@demo.test", TestData.DemoPassword);
        await RegisterSomeoneAsync(host);
        var checkpoint = await SealAndCheckpointAsync(host);
        var store = (FileAuditCheckpoints)host.Services.GetRequiredService<Application.Audit.IAuditCheckpoints>();

        // Someone appends a checkpoint far ahead (to make an intact chain look cut) without the key.
        await File.AppendAllTextAsync(store.FilePath, $"{{\"sequence\":{checkpoint + 1000},\"head\":\"{new string('a', 64)}\",\"atTicks\":{DateTimeOffset.UtcNow.UtcTicks},\"signature\":\"{new string('b', 64)}\"}}\n");

        var report = await VerifyAsync(admin);
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.False(report.GetProperty("tailCut").GetBoolean());
        Assert.Equal(checkpoint, report.GetProperty("checkpointSequence").GetInt64());
        Assert.Equal(1, report.GetProperty("rejectedCheckpoints").GetInt32());
    }

    private Task<OwnApiHost> StartAsync() =>
        OwnApiHost.StartAsync(Provider, builder =>
        {
            builder.UseSetting("Audit:SealInterval", "01:00:00");
            builder.UseSetting("Audit:CheckpointInterval", "01:00:00");
        }, reuseSeed: true);

    private static async Task RegisterSomeoneAsync(ApiFactory host)
    {
        for (var i = 0; i < 3; i++)
        {
            (await host.CreateBrowserClient().PostAsJsonAsync("/api/account/register", TestData.Registration())).EnsureSuccessStatusCode();
        }
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient admin) => await (await admin.GetAsync("/api/admin/audit/verify")).ReadJsonAsync();

    /// <summary>Seals every entry and writes a checkpoint of the head; returns the head's sequence.</summary>
    private static async Task<long> SealAndCheckpointAsync(ApiFactory host)
    {
        var sealer = host.Services.GetRequiredService<AuditSealer>();
        for (var round = 0; round < 20 && await SealOnceAsync(sealer) != 0; round++)
        {
        }

        var checkpoint = await sealer.WriteCheckpointAsync(CancellationToken.None);
        Assert.NotNull(checkpoint);
        return checkpoint.Sequence;
    }

    private static async Task<int> SealOnceAsync(AuditSealer sealer)
    {
        try
        {
            return await sealer.SealPendingAsync(CancellationToken.None);
        }
        catch (Application.Common.Exceptions.UniqueConstraintException)
        {
            // The host's sealer ran at start at the same moment; go again from its head.
            return -1;
        }
    }

    /// <summary>The chain as it was made before it was keyed: SHA-256 over the same canonical form, no secret.</summary>
    private static string UnkeyedHash(string previousHash, AuditEntry entry)
    {
        var canonical = string.Join('\u001F',
            previousHash,
            entry.Id.ToString("N"),
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            entry.ActorAccountId?.ToString("N") ?? string.Empty,
            entry.ActorRoles ?? string.Empty,
            entry.PatientId?.ToString("N") ?? string.Empty,
            entry.Action,
            entry.Resource,
            entry.ResourceId ?? string.Empty,
            entry.IpAddress ?? string.Empty,
            entry.Detail ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

public sealed class AuditTamperingTestsOnSqlite : AuditTamperingTests
{
    protected override string Provider => "Sqlite";
}

public sealed class AuditTamperingTestsOnPostgres : AuditTamperingTests
{
    protected override string Provider => "PostgreSQL";
}
