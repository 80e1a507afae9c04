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

    /// <summary>Whether a <c>--fencing</c> value means on.</summary>
    /// <param name="value">on or off.</param>
    public static bool IsOn(string value) => value == "on";
}
