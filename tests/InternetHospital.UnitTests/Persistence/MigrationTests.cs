using InternetHospital.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InternetHospital.UnitTests.Persistence;

/// <summary>
/// Each provider's migrations must describe the model exactly: a change to an entity or its configuration without
/// regenerating the migration fails here instead of on the first database that applies it.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "The SQLite model has changes no migration describes: run scripts/add-migration.sh.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "The PostgreSQL model has changes no migration describes: run scripts/add-migration.sh.");
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Each_provider_has_one_migration_per_release(string provider)
    {
        using DbContext context = provider == "Sqlite"
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);

        var migrations = context.GetService<IMigrationsAssembly>().Migrations.Keys;

        // Note: until a version is tagged, schema changes fold into Initial (README, "Migrations"); raise this
        // list by one name per release afterwards.
        Assert.Equal(["Initial"], migrations.Select(id => id[(id.IndexOf('_') + 1)..]));
    }
}
