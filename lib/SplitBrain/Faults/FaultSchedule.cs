using System.Globalization;

namespace SplitBrain;

/// <summary>
/// A fault schedule as text, one fault after another separated by semicolons:
/// <c>t=1.2s partition {A,client-1} | {B,C,client-2}; t=3s pause A for 40s</c>.
/// What <see cref="Format"/> writes, <see cref="Parse"/> reads back to the same faults, so a shrunk failure
/// can be printed, pasted into <c>course run … --faults "…"</c>, and replayed exactly.
/// </summary>
public static class FaultSchedule
{
    private const string Forms =
        "t=<seconds>s followed by one of: partition {A,B} | {C}; cut A->B; heal; pause A for <seconds>s; crash A; restart A; clock A offset <+/-seconds>s drift <number>";

    /// <summary>Writes a schedule as text. Times are printed to the millisecond.</summary>
    /// <param name="faults">The schedule.</param>
    public static string Format(IEnumerable<ScheduledFault> faults) => string.Join("; ", faults.Select(f => f.ToString()));

    /// <summary>Reads a schedule written by <see cref="Format"/>. An empty text is an empty schedule.</summary>
    /// <param name="text">The schedule.</param>
    /// <exception cref="ArgumentException">A part of the text is not a fault; the message shows the forms allowed.</exception>
    public static IReadOnlyList<ScheduledFault> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<ScheduledFault>();
        foreach (var raw in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int space = raw.IndexOf(' ');
            if (!raw.StartsWith("t=", StringComparison.Ordinal) || space < 0)
            {
                throw Bad(raw, nameof(text));
            }

            var at = Seconds(raw[2..space], raw, nameof(text));
            result.Add(new ScheduledFault(at, ParseFault(raw[(space + 1)..].Trim(), raw, nameof(text))));
        }

        return result;
    }

    private static Fault ParseFault(string text, string raw, string parameter)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words[0])
        {
            case "partition" when words.Length > 1:
                return new PartitionFault(text["partition".Length..].Trim());
            case "heal" when words.Length == 1:
                return new HealFault();
            case "cut" when words.Length == 2 && words[1].Contains("->", StringComparison.Ordinal):
                var ends = words[1].Split("->");
                return new CutFault(ends[0], ends[1]);
            case "pause" when words.Length == 4 && words[2] == "for":
                return new PauseFault(words[1], Seconds(words[3], raw, parameter));
            case "crash" when words.Length == 2:
                return new CrashFault(words[1]);
            case "restart" when words.Length == 2:
                return new RestartFault(words[1]);
            case "clock" when words.Length == 6 && words[2] == "offset" && words[4] == "drift"
                && double.TryParse(words[5], NumberStyles.Float, CultureInfo.InvariantCulture, out double drift):
                return new ClockFault(words[1], Seconds(words[3], raw, parameter), drift);
            default:
                throw Bad(raw, parameter);
        }
    }

    private static TimeSpan Seconds(string text, string raw, string parameter)
    {
        string number = text.EndsWith('s') ? text[..^1] : text;
        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal seconds))
        {
            throw Bad(raw, parameter);
        }

        return TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    private static ArgumentException Bad(string raw, string parameter) =>
        new($"\"{raw}\" is not a fault; write {Forms}.", parameter);
}
