
namespace InternetHospital.Api.Common;

/// <summary>A feature's endpoints. Every implementation in this assembly is mapped at start-up.</summary>
internal interface IEndpointGroup
{
    void Map(IEndpointRouteBuilder app);
}

internal static class EndpointGroupExtensions
{
    public static IEndpointRouteBuilder MapEndpointGroups(this IEndpointRouteBuilder app)
    {
        var groups = typeof(IEndpointGroup).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.IsAssignableTo(typeof(IEndpointGroup)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in groups)
        {
            ((IEndpointGroup)Activator.CreateInstance(type, nonPublic: true)!).Map(app);
        }

        return app;
    }
}
