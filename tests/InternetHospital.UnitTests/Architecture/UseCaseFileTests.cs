using System.Text.RegularExpressions;

namespace InternetHospital.UnitTests.Architecture;

/// <summary>
/// The house style says a use case is one file: a request record with its Validator and Handler, in a file named after
/// it, so a newcomer can read the Application project one use case per file. Which file declares a type is not
/// available by reflection, so this reads the sources.
/// </summary>
public sealed partial class UseCaseFileTests
{
    [Fact]
    public void Every_application_source_file_declares_at_most_one_request()
    {
        var sources = Path.Combine(RepositoryRoot(), "src", "InternetHospital.Application");
        var requestsByFile = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToDictionary(f => Path.GetRelativePath(sources, f), f => RequestRecord().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value).ToList());

        // Note: guards against a pattern or path that silently matches nothing, which would make the test pass vacuously.
        Assert.True(requestsByFile.Values.Sum(r => r.Count) > 100, $"Only {requestsByFile.Values.Sum(r => r.Count)} requests found under {sources}.");
        var crowded = requestsByFile.Where(f => f.Value.Count > 1).Select(f => $"{f.Key}: {string.Join(", ", f.Value)}").Order(StringComparer.Ordinal).ToList();
        Assert.True(crowded.Count == 0, "One use case per file; these files declare several requests:\n" + string.Join("\n", crowded));
    }

    [GeneratedRegex(@"record (?<name>\w+)\s*(\(|:)[^{;]*\b(ICommand|IQuery|IRequest)\b")]
    private static partial Regex RequestRecord();

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "InternetHospital.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("InternetHospital.sln not found above the test's directory.");
    }
}
