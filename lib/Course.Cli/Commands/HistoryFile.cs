using System.CommandLine;
using SplitBrain;

namespace Course.Cli.Commands;

/// <summary>The <c>--history</c> option of <c>run</c>, <c>explore</c> and <c>lab</c>: where a run's client history goes, as Jepsen-style EDN.</summary>
public static class HistoryFile
{
    /// <summary><c>--history FILE</c>.</summary>
    public static Option<string?> Option() => new("--history")
    {
        Description = "Write what the clients asked and were told to this file, as Jepsen-style EDN; check it with 'course check'.",
    };

    /// <summary>Fails with a usage error, before any run, if <paramref name="scenario"/> keeps no client history.</summary>
    /// <param name="scenario">The scenario's name.</param>
    public static void EnsureKept(string scenario)
    {
        var keeping = Scenarios.All.Where(s => s.KeepsHistory).Select(s => s.Name).ToArray();
        if (Scenarios.All.Any(s => s.Name == scenario) && !keeping.Contains(scenario))
        {
            throw new UsageException($"the scenario {scenario} keeps no client history; --history works with {string.Join(", ", keeping)}.");
        }
    }

    /// <summary>Creates <paramref name="folder"/> if needed, turning one that cannot be made into a usage error.</summary>
    /// <param name="folder">The folder for history files.</param>
    public static void EnsureFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception bad) when (bad is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot make the history folder {folder}: {bad.Message}");
        }
    }

    /// <summary>Fails with a usage error, before any run, if <paramref name="path"/> cannot be written; null passes.</summary>
    /// <param name="path">The <c>--history</c> value.</param>
    public static void CheckWritable(string? path) => CommonOptions.CheckWritable("--history", path);

    /// <summary>Writes the run's history to <paramref name="path"/>, turning a path that cannot be written into a usage error.</summary>
    /// <param name="result">The finished run.</param>
    /// <param name="path">The file.</param>
    public static void Write(ScenarioResult result, string path)
    {
        if (result.History is not { } history)
        {
            throw new UsageException($"the scenario {result.Scenario.Name} keeps no client history.");
        }

        Write(history, path);
    }

    /// <summary>Writes <paramref name="history"/> to <paramref name="path"/> as EDN, turning a path that cannot be written into a usage error.</summary>
    /// <param name="history">What the clients saw.</param>
    /// <param name="path">The file.</param>
    public static void Write(History history, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        try
        {
            history.Save(path);
        }
        catch (Exception bad) when (bad is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot write the history to {path}: {bad.Message}");
        }
    }

    /// <summary>The line <c>run</c> and <c>lab</c> print after writing a history.</summary>
    /// <param name="history">What was written.</param>
    /// <param name="path">Where.</param>
    public static string Written(History history, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        return $"History: {history.Count} operations written to {path}; check it with: course check {path}";
    }
}
