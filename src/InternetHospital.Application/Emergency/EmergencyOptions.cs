using System.ComponentModel.DataAnnotations;

namespace InternetHospital.Application.Emergency;

/// <summary>How the ETA is estimated (see <c>EtaEstimate</c>): straight line × road factor at an average speed.</summary>
public sealed class EmergencyOptions
{
    public const string Section = "Emergency";

    /// <summary>Roads are longer than the straight line; 1.3 is a common urban detour factor.</summary>
    [Range(1.0, 3.0)]
    public double EtaRoadFactor { get; set; } = 1.3;

    /// <summary>Average ambulance speed in town with lights and siren, km/h.</summary>
    [Range(5.0, 150.0)]
    public double EtaSpeedKmh { get; set; } = 40;
}
