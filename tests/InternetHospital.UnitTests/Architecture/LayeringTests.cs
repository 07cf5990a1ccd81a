using System.Reflection;
using NetArchTest.Rules;

namespace InternetHospital.UnitTests.Architecture;

/// <summary>
/// The layering the README draws, checked on the compiled assemblies: Domain depends on nothing but the base class
/// library, Application on Domain and the few abstractions it accepted (the mediator, FluentValidation, EF Core's API,
/// the Microsoft.Extensions abstractions), neither ever on Infrastructure or the API, and Application's feature folders
/// do not depend on each other in cycles.
/// </summary>
public sealed class LayeringTests
{
    private const string Domain = "InternetHospital.Domain";
    private const string Application = "InternetHospital.Application";
    private const string Infrastructure = "InternetHospital.Infrastructure";
    private const string Api = "InternetHospital.Api";

    internal static readonly Assembly DomainAssembly = typeof(Domain.Common.NewId).Assembly;
    internal static readonly Assembly ApplicationAssembly = typeof(Application.DependencyInjection).Assembly;

    /// <summary>Everything a layer may not use: our outer layers and the frameworks (the BCL is <c>System.*</c>).</summary>
    private static readonly string[] Frameworks =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.Extensions", "Microsoft.AspNetCore", "Microsoft.Data", "Npgsql", "Mediator",
        "FluentValidation", "OpenIddict", "Stripe", "Hl7", "Polly", "MailKit", "MimeKit", "Ical",
    ];

    [Fact]
    public void The_domain_depends_on_the_base_class_library_only()
    {
        Assert.All(DomainAssembly.GetReferencedAssemblies(), a => Assert.True(IsBaseClassLibrary(a.Name), $"The domain references {a.Name}."));
        var result = Types.InAssembly(DomainAssembly)
            .ShouldNot().HaveDependencyOnAny([Application, Infrastructure, Api, .. Frameworks])
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void The_application_depends_on_the_domain_and_its_accepted_abstractions_only()
    {
        // Note: handlers use the DbContext through IAppDbContext (DbSet, LINQ, AsSplitQuery): EF Core's own API, never a
        // provider; options, logging and DI through the Microsoft.Extensions abstractions.
        string[] accepted =
        [
            Domain, "Mediator", "FluentValidation", "FluentValidation.DependencyInjectionExtensions",
            "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Relational",
            "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Logging.Abstractions",
        ];
        Assert.All(ApplicationAssembly.GetReferencedAssemblies(), a => Assert.True(
            IsBaseClassLibrary(a.Name) || accepted.Contains(a.Name, StringComparer.Ordinal), $"The application references {a.Name}."));
    }

    private static bool IsBaseClassLibrary(string? name) =>
        name is "netstandard" or "mscorlib" || name?.StartsWith("System", StringComparison.Ordinal) == true;

    [Fact]
    public void No_database_provider_reaches_the_application()
    {
        var result = Types.InAssembly(ApplicationAssembly)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore.Sqlite", "Npgsql", "Microsoft.Data.Sqlite", "Microsoft.AspNetCore")
            .GetResult();

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Infrastructure_and_the_api_are_never_referenced_by_the_application_or_the_domain()
    {
        foreach (var assembly in new[] { DomainAssembly, ApplicationAssembly })
        {
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name is Infrastructure or Api);
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(Infrastructure, Api).GetResult();
            Assert.True(result.IsSuccessful, Describe(result));
        }
    }

    [Fact]
    public void The_application_feature_folders_do_not_depend_on_each_other_in_cycles()
    {
        var graph = FeatureGraph.Of(ApplicationAssembly, Application);

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Feature folders in a cycle: " + string.Join("; ", cycles.Select(c => string.Join(" -> ", c))));
    }

    internal static string Describe(TestResult result) =>
        result.IsSuccessful ? string.Empty : "Breaking the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}

/// <summary>Which feature folder (namespace under Application, Common excluded) depends on which, and the cycles among them.</summary>
internal sealed class FeatureGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> edges)
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; } = edges;

    public static FeatureGraph Of(Assembly assembly, string root)
    {
        var features = assembly.GetTypes()
            .Select(t => FeatureOf(t.Namespace, root))
            .Where(f => f is not null and not "Common")
            .Select(f => f!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var types = Types.InAssembly(assembly);
        var edges = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var from in features)
        {
            var targets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var to in features.Where(f => f != from))
            {
                var result = types
                    .That().ResideInNamespace($"{root}.{from}")
                    .ShouldNot().HaveDependencyOn($"{root}.{to}")
                    .GetResult();
                if (!result.IsSuccessful)
                {
                    targets.Add(to);
                }
            }

            edges[from] = targets;
        }

        return new FeatureGraph(edges);
    }

    /// <summary>Every elementary cycle found by a depth-first walk, each as the path that closes it (A -> B -> A).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var found = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in Edges.Keys)
        {
            Walk(start, [start]);
        }

        return found;

        void Walk(string node, List<string> path)
        {
            foreach (var next in Edges.GetValueOrDefault(node) ?? new SortedSet<string>())
            {
                if (next == path[0])
                {
                    // Note: each cycle once, from its smallest member.
                    var key = string.Join(">", path.Order(StringComparer.Ordinal));
                    if (path.Min(StringComparer.Ordinal) == path[0] && seen.Add(key))
                    {
                        found.Add([.. path, next]);
                    }
                }
                else if (!path.Contains(next) && string.CompareOrdinal(next, path[0]) > 0)
                {
                    Walk(next, [.. path, next]);
                }
            }
        }
    }

    private static string? FeatureOf(string? ns, string root) =>
        ns is not null && ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;
}
