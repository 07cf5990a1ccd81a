// The reference of `./bench.sh api`: what ASP.NET Core itself does for a JSON GET on this machine, so every API
// figure of the same run reads as a share of it.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/", () => new Reply("InternetHospital", "Asia/Shanghai", 7));
await app.RunAsync();

internal sealed record Reply(string Name, string TimeZone, int Days);
