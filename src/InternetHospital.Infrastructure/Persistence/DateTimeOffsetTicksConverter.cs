using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InternetHospital.Infrastructure.Persistence;

/// <summary>Stores a point in time as UTC ticks (SQLite only), so that it sorts and compares in SQL.</summary>
internal sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
