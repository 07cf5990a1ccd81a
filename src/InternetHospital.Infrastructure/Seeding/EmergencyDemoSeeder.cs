using InternetHospital.Domain.Emergency;
using InternetHospital.Domain.Hospital;
using InternetHospital.Infrastructure.Identity;
using InternetHospital.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InternetHospital.Infrastructure.Seeding;

/// <summary>
/// The emergency demo (Development only): the city's ambulance service with two crew phones, the City First People's
/// Hospital emergency department as a receiving hospital (with its position, for the ETA), its board staff, and its
/// stroke (孙浩) and chest-pain (李伟, the cardiologist) teams. Also added to an existing development database.
/// </summary>
internal sealed class EmergencyDemoSeeder(
    AppDbContext db,
    UserManager<Account> users,
    IHostEnvironment environment,
    IOptions<DemoDataOptions> options,
    TimeProvider clock) : IDataSeeder
{
    public const string ServiceCode = "CITY-EMS";

    /// <summary>Where the demo hospital is (central Wuhan): the ETA is measured to here.</summary>
    public const double HospitalLatitude = 30.5928;
    public const double HospitalLongitude = 114.3055;

    public int Order => 15;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !environment.IsDevelopment() || await db.AmbulanceServices.AnyAsync(s => s.Code == ServiceCode, cancellationToken))
        {
            return;
        }

        var hospital = await db.Facilities.SingleOrDefaultAsync(f => f.Code == DemoDataSeeder.HospitalCode, cancellationToken);
        if (hospital is null)
        {
            return;
        }

        var service = AmbulanceService.Create(ServiceCode, "市急救中心", "City Emergency Medical Centre");
        db.AmbulanceServices.Add(service);
        db.ReceivingHospitals.Add(ReceivingHospital.Create(hospital.Id, HospitalLatitude, HospitalLongitude));
        var crew = await AccountAsync(DemoAccounts.Crew, "13800000021");
        var secondCrew = await AccountAsync(DemoAccounts.SecondCrew, "13800000022");
        var ed = await AccountAsync(DemoAccounts.EmergencyDoctor, "13800000023");
        var stroke = await AccountAsync(DemoAccounts.StrokeTeam, "13800000024");
        db.CrewMemberships.AddRange(CrewMembership.Create(crew.Id, service.Id), CrewMembership.Create(secondCrew.Id, service.Id));
        db.StaffMemberships.AddRange(StaffMembership.Create(ed.Id, hospital.Id), StaffMembership.Create(stroke.Id, hospital.Id));
        db.PathwayTeamMembers.Add(PathwayTeamMember.Create(hospital.Id, EmergencyPathway.Stroke, stroke.Id));
        if (await users.FindByEmailAsync(DemoAccounts.Cardiologist.Email) is { } cardiologist)
        {
            db.PathwayTeamMembers.Add(PathwayTeamMember.Create(hospital.Id, EmergencyPathway.ChestPain, cardiologist.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Account> AccountAsync(DemoAccount demo, string mobile)
    {
        if (await users.FindByEmailAsync(demo.Email) is { } existing)
        {
            return existing;
        }

        return await users.CreateDemoAccountAsync(demo, mobile, clock.GetUtcNow(), phoneNumberConfirmed: false);
    }
}
