namespace InternetHospital.Infrastructure.Seeding;

/// <summary>Puts reference or demo data in place after migrations. Seeders must be idempotent: they run at every start.</summary>
public interface IDataSeeder
{
    /// <summary>Lower runs first.</summary>
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
