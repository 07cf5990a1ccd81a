using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace InternetHospital.E2ETests.Infrastructure;

public static class Accessibility
{
    /// <summary>axe-core finds no serious or critical violation on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // Note: let transitions finish first; a toast fading in is half-transparent, which axe reads as low contrast.
        await page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => a.playState !== 'running')",
            null,
            new PageWaitForFunctionOptions { Timeout = 5_000, PollingInterval = 100 });
        var results = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => $"{n.Target} {string.Join(" ", n.Any.Select(c => c.Message))}"))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe found on {page.Url}:\n" + string.Join('\n', serious));
    }
}
