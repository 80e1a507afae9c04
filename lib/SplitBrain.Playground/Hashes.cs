using Microsoft.JSInterop;

namespace SplitBrain.Playground;

/// <summary>
/// Many runs in one call from the page's script, for checking the browser against the CLI: each link's query
/// (<see cref="RunLink"/>) is run exactly as the player runs it, and its trace hash returned.
/// </summary>
public static class Hashes
{
    /// <summary>The trace hash of each run, in order; a bad query gives its error message instead.</summary>
    /// <param name="queries">Link queries like <c>scenario=bank-ledger&amp;seed=1&amp;fencing=off</c>.</param>
    [JSInvokable("TraceHashes")]
    public static string[] Of(string[] queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var hashes = new string[queries.Length];
        for (int k = 0; k < queries.Length; k++)
        {
            try
            {
                var (scenario, options) = RunLink.Parse(queries[k]);
                hashes[k] = Scenarios.Get(scenario).Run(options).TraceHash;
            }
            catch (ArgumentException error)
            {
                hashes[k] = error.Message;
            }
        }

        return hashes;
    }
}
