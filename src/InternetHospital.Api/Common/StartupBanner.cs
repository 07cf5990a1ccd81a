using InternetHospital.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace InternetHospital.Api.Common;

/// <summary>What a developer needs after `dotnet run`: where the portal is and how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var demo = app.Services.GetRequiredService<IOptions<DemoDataOptions>>().Value.Enabled;
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("InternetHospital is running:");
        foreach (var address in addresses)
        {
            output.WriteLine($"  Portal:   {address}");
            output.WriteLine($"  API docs: {address}/docs");
        }

        if (demo)
        {
            output.WriteLine();
            output.WriteLine($"Demo sign-ins (Development only; password for all: {DemoAccounts.Password}):");
            foreach (var account in DemoAccounts.All)
            {
                output.WriteLine($"  {account.Role,-11} {account.Email,-26} {account.FullName}  ({account.Description})");
            }
        }

        output.WriteLine();
    }
}
