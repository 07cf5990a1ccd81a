namespace InternetHospital.HisSimulator;

/// <summary><c>dotnet run --project tests/InternetHospital.HisSimulator -- [fhirPort] [mllpPort]</c> (defaults 8090 and 2575).</summary>
internal static class SimulatorProgram
{
    public static async Task Main(string[] args)
    {
        var fhirPort = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 8090;
        var mllpPort = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2575;
        await using var simulator = await HisSimulator.StartAsync(fhirPort, mllpPort);
        Console.WriteLine($"HIS simulator: FHIR R4 at {simulator.FhirBaseUrl}, MLLP on 127.0.0.1:{simulator.MllpPort}");
        Console.WriteLine($"Control: GET/POST {simulator.FhirBaseUrl.GetLeftPart(UriPartial.Authority)}/_control, POST /_control/reset, GET /_control/received. Ctrl+C stops.");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        await stop.Task;
    }
}
