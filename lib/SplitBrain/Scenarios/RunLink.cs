using System.Globalization;

namespace SplitBrain;

/// <summary>
/// One run of a scenario written as a link's query, like <c>scenario=bank-ledger&amp;seed=1&amp;fencing=off</c>,
/// plus <c>margin=on</c>, <c>tokens=off</c>, <c>quorum=2</c> and <c>faults=…</c> (the <c>--faults</c> text of
/// <c>course run</c>) when they are set.
/// The playground keeps its state in this query, so a link reproduces the run; <c>course run</c> prints it.
/// </summary>
/// <remarks>
/// <see cref="Parse"/> reads back exactly what <see cref="Query"/> writes; keys it does not know (the
/// playground's <c>step</c>) are left alone for whoever owns them.
/// </remarks>
public static class RunLink
{
    /// <summary>The query (without the leading <c>?</c>) that names <paramref name="scenario"/> run with <paramref name="options"/>.</summary>
    /// <param name="scenario">The scenario's name, like <c>bank-ledger</c>.</param>
    /// <param name="options">The run's options. Faults of its own are written in the <see cref="FaultSchedule"/> grammar.</param>
    public static string Query(string scenario, ScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        string query = $"scenario={Uri.EscapeDataString(scenario)}&seed={options.Seed.ToString(CultureInfo.InvariantCulture)}&fencing={(options.Fencing ? "on" : "off")}";
        if (options.Margin is { } margin)
        {
            query += $"&margin={(margin ? "on" : "off")}";
        }

        if (options.Tokens is { } tokens)
        {
            query += $"&tokens={(tokens ? "on" : "off")}";
        }

        if (options.Quorum is { } quorum)
        {
            query += $"&quorum={quorum.ToString(CultureInfo.InvariantCulture)}";
        }

        if (options.Faults is { } faults)
        {
            query += $"&faults={Uri.EscapeDataString(FaultSchedule.Format(faults))}";
        }

        return query;
    }

    /// <summary>Reads a query written by <see cref="Query"/>: the scenario's name and the run's options.</summary>
    /// <param name="query">The query, with or without its leading <c>?</c>. Missing keys take the CLI's defaults (seed 1, fencing off).</param>
    /// <exception cref="ArgumentException">A value is not allowed; the message says which and what is.</exception>
    public static (string Scenario, ScenarioOptions Options) Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = Values(query);
        string scenario = values.GetValueOrDefault("scenario") ?? Scenarios.All[0].Name;
        var options = new ScenarioOptions();
        if (values.TryGetValue("seed", out string? seed))
        {
            if (!long.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number))
            {
                throw new ArgumentException($"seed must be a whole number; got \"{seed}\".", nameof(query));
            }

            options = options with { Seed = number };
        }

        if (values.TryGetValue("fencing", out string? fencing))
        {
            if (fencing is not ("on" or "off"))
            {
                throw new ArgumentException($"fencing must be on or off; got \"{fencing}\".", nameof(query));
            }

            options = options with { Fencing = fencing == "on" };
        }

        if (values.TryGetValue("margin", out string? margin) && margin.Length > 0)
        {
            options = options with { Margin = OnOff("margin", margin) };
        }

        if (values.TryGetValue("tokens", out string? tokens) && tokens.Length > 0)
        {
            options = options with { Tokens = OnOff("tokens", tokens) };
        }

        if (values.TryGetValue("quorum", out string? quorum) && quorum.Length > 0)
        {
            if (!int.TryParse(quorum, NumberStyles.Integer, CultureInfo.InvariantCulture, out int votes))
            {
                throw new ArgumentException($"quorum must be a whole number of votes; got \"{quorum}\".", nameof(query));
            }

            options = options with { Quorum = votes };
        }

        if (values.TryGetValue("faults", out string? faults))
        {
            options = options with { Faults = FaultSchedule.Parse(faults) };
        }

        return (scenario, options);
    }

    private static bool OnOff(string key, string value) => value switch
    {
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"{key} must be on or off; got \"{value}\".", "query"),
    };

    /// <summary>The query's keys and values, unescaped; the last of a repeated key wins.</summary>
    /// <param name="query">The query, with or without its leading <c>?</c>.</param>
    public static IReadOnlyDictionary<string, string> Values(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            string key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            string value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            values[key] = value;
        }

        return values;
    }
}
