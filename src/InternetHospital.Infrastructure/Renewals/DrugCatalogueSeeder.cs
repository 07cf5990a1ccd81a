using InternetHospital.Domain.Drugs;
using InternetHospital.Domain.Renewals;
using InternetHospital.Infrastructure.Persistence;
using InternetHospital.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace InternetHospital.Infrastructure.Renewals;

/// <summary>
/// Keeps the drug catalogue, the interaction table, the demo HIS code mappings and the renewal settings row in place in
/// every environment (reference data, not demo data). Idempotent: entries are matched by their natural keys and
/// brought in line with the bundled data; nothing is deleted (prescriptions refer to catalogue entries).
/// </summary>
internal sealed class DrugCatalogueSeeder(AppDbContext db, TimeProvider clock) : IDataSeeder
{
    public int Order => 5;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var drugs = await db.Drugs.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var bundled in DrugCatalogueData.Drugs())
        {
            if (drugs.TryGetValue(bundled.Code, out var existing))
            {
                existing.UpdateFrom(bundled);
            }
            else
            {
                db.Drugs.Add(bundled);
                drugs[bundled.Code] = bundled;
            }
        }

        var interactions = await db.DrugInteractions.ToListAsync(cancellationToken);
        foreach (var bundled in DrugCatalogueData.Interactions())
        {
            var existing = interactions.FirstOrDefault(i => i.AtcA == bundled.AtcA && i.AtcB == bundled.AtcB);
            if (existing is null)
            {
                db.DrugInteractions.Add(bundled);
            }
            else
            {
                existing.UpdateFrom(bundled);
            }
        }

        var mappings = await db.DrugCodeMappings.ToDictionaryAsync(m => m.HisCode, StringComparer.Ordinal, cancellationToken);
        foreach (var (hisCode, catalogueCode) in DrugCatalogueData.DemoHisCodes)
        {
            var drugId = drugs[catalogueCode].Id;
            if (mappings.TryGetValue(hisCode, out var mapping))
            {
                mapping.PointTo(drugId);
            }
            else
            {
                db.DrugCodeMappings.Add(DrugCodeMapping.Create(hisCode, drugId));
            }
        }

        if (!await db.RenewalSettings.AnyAsync(s => s.Id == RenewalSettings.SingletonId, cancellationToken))
        {
            db.RenewalSettings.Add(RenewalSettings.Default(clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
