namespace InternetHospital.Domain.Common;

/// <summary>
/// The one place ids come from. Version 7 GUIDs are time-ordered, so they index well as primary keys
/// on both SQLite and PostgreSQL and sort roughly by creation time.
/// </summary>
public static class NewId
{
    public static Guid Next() => Guid.CreateVersion7();
}
