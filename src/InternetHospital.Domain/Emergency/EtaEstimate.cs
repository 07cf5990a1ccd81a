namespace InternetHospital.Domain.Emergency;

/// <summary>
/// The ETA the board counts down: the straight-line (great-circle) distance from the crew's last position to the
/// hospital, stretched by a road factor (roads are not straight) and driven at an average speed. It is an honest
/// estimate, not routing: no road network or traffic; the crew's position every 15 s keeps correcting it.
/// </summary>
public static class EtaEstimate
{
    private const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Road distance estimate (km) and driving time from the straight line.</summary>
    public static (double RoadKm, TimeSpan Time) Estimate(double straightKm, double roadFactor, double speedKmh)
    {
        var road = straightKm * roadFactor;
        return (road, TimeSpan.FromHours(road / speedKmh));
    }

    public static bool IsValidPosition(double latitude, double longitude) =>
        latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 && double.IsFinite(latitude) && double.IsFinite(longitude);
}
