using System.CommandLine;

namespace Course.Cli.Commands;

/// <summary>Options that several verbs share, defined once so they read and validate the same everywhere.</summary>
public static class CommonOptions
{
    /// <summary><c>--seed N</c>: the seed of the run, default 1.</summary>
    public static Option<long> Seed() => new("--seed")
    {
        Description = "The seed; the same seed replays the same run. Default 1.",
        DefaultValueFactory = _ => 1,
    };

    /// <summary><c>--fencing on|off</c>: whether the protection is on, default off.</summary>
    public static Option<string> Fencing()
    {
        var option = new Option<string>("--fencing")
        {
            Description = "on or off: whether the protection the scenario teaches is on. Default off.",
            DefaultValueFactory = _ => "off",
        };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    /// <summary><c>--margin on|off</c>: whether lease holders keep the safety margin; unset follows <c>--fencing</c>.</summary>
    public static Option<string?> Margin()
    {
        var option = new Option<string?>("--margin")
        {
            Description = "on or off: whether lease holders use a lease only for TTL - 2 x max skew (clock-skew-lease). Default: as --fencing.",
        };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    /// <summary><c>--tokens on|off</c>: whether the store or workers check fencing tokens; unset follows <c>--fencing</c>.</summary>
    public static Option<string?> Tokens()
    {
        var option = new Option<string?>("--tokens")
        {
            Description = "on or off: whether the store or workers refuse lower fencing tokens (gc-pause, clock-skew-lease, asymmetric-partition). Default: as --fencing.",
        };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    /// <summary><c>--quorum N</c>: the votes needed to win an election.</summary>
    /// <param name="description">What the option means for the verb.</param>
    public static Option<int?> Quorum(string description) => new("--quorum") { Description = description };

    /// <summary>An on|off switch's value: null when it was not given.</summary>
    /// <param name="value">on, off or null.</param>
    public static bool? Switch(string? value) => value is null ? null : IsOn(value);

    /// <summary>Whether a <c>--fencing</c> value means on.</summary>
    /// <param name="value">on or off.</param>
    public static bool IsOn(string value) => value == "on";

    /// <summary>Checks, before any work, that <paramref name="path"/> (given as <paramref name="option"/>) can be written; null passes.</summary>
    /// <param name="option">The option as the learner typed it, like <c>--json</c>.</param>
    /// <param name="path">The file it names.</param>
    /// <exception cref="UsageException">The path is a folder, its folder is missing, or it cannot be written.</exception>
    public static void CheckWritable(string option, string? path)
    {
        if (path is null)
        {
            return;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{option} '{path}' is not a usable file name: give a file in an existing folder.");
        }

        if (Directory.Exists(full))
        {
            throw new UsageException($"{option} '{full}' is a folder: give a file name, like {Path.Combine(full, "result.json")}.");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new UsageException($"{option} '{full}' cannot be written: the folder '{folder}' does not exist.");
        }

        bool existed = File.Exists(full);
        try
        {
            using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"{option} '{full}' cannot be written: {e.Message.TrimEnd('.')}.");
        }
    }
}
