using System.Security.Cryptography;
using System.Text;

namespace SplitBrain.Tests.Explorer;

/// <summary>
/// Recorded seeds must keep replaying. Every scenario, with protection off and on, under its own faults and
/// under 10 of the explorer's random schedules: 264 runs, each pinned in ReplayPins.txt by its trace hash and a
/// short hash of every block of <see cref="BlockLines"/> trace lines. Speeding up the kernel must leave them
/// alone; a deliberate change of behaviour rewrites the file (set <c>REPLAY_PINS_WRITE=1</c> and run this test
/// once) and says in the commit which runs changed and why.
/// </summary>
/// <remarks>
/// A failure names the run, the command that replays it, and the first block of lines that differs, as the run
/// prints it now: the first differing trace line is in that block.
/// </remarks>
public class ReplayPinTests
{
    /// <summary>How many trace lines one block hash covers.</summary>
    private const int BlockLines = 16;

    private static readonly string PinFile = Path.Combine(AppContext.BaseDirectory, "Explorer", "ReplayPins.txt");

    [Fact]
    public void Every_scenario_replays_the_runs_recorded_in_the_pin_file()
    {
        var pinned = ReadPins();
        var now = new List<Pin>();
        foreach (var (key, run) in AllRuns())
        {
            now.Add(PinOf(key, run));
        }

        Assert.Equal(SplitBrain.Scenarios.All.Count * 22, now.Count);
        if (Environment.GetEnvironmentVariable("REPLAY_PINS_WRITE") == "1")
        {
            WritePins(now);
            return;
        }

        Assert.Equal(pinned.Count, now.Count);
        foreach (var pin in now)
        {
            Assert.True(pinned.TryGetValue(pin.Key, out var recorded), $"{pin.Key} has no pin; rewrite ReplayPins.txt (REPLAY_PINS_WRITE=1) and say why.");
            if (recorded!.Hash != pin.Hash)
            {
                Assert.Fail(Difference(recorded, pin));
            }
        }
    }

    [Fact]
    public void A_difference_is_shown_as_the_first_block_of_lines_that_changed()
    {
        var run = SplitBrain.Scenarios.Run("gc-pause", new ScenarioOptions { Seed = 1 });
        var pin = PinOf("gc-pause off 1", run);
        var lines = pin.Lines.ToArray();
        lines[40] = "changed";
        var changed = PinOf("gc-pause off 1", lines);
        string message = Difference(pin, changed);
        Assert.Contains("lines 33 to 48", message, StringComparison.Ordinal);
        Assert.Contains("changed", message, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Key, ScenarioResult Run)> AllRuns()
    {
        foreach (var scenario in SplitBrain.Scenarios.All)
        {
            foreach (bool fencing in new[] { false, true })
            {
                var script = scenario.Script(new ScenarioOptions { Fencing = fencing });
                for (long seed = -1; seed < 10; seed++)
                {
                    var faults = seed < 0 ? null : FaultGenerator.Generate(scenario.Bounds, scenario.NodeNames, seed, script);
                    var run = scenario.Run(new ScenarioOptions { Seed = seed, Fencing = fencing, Faults = faults });
                    yield return ($"{scenario.Name} {(fencing ? "on" : "off")} {seed}", run);
                }
            }
        }
    }

    private static Pin PinOf(string key, ScenarioResult run)
    {
        var pin = PinOf(key, run.Trace.ToCanonicalText().Split('\n')[..^1]);
        Assert.Equal(run.TraceHash, pin.Hash);
        return pin with { Replay = run.Replay };
    }

    private static Pin PinOf(string key, IReadOnlyList<string> lines)
    {
        var blocks = new List<string>();
        using var whole = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var block = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int i = 0; i < lines.Count; i++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(lines[i] + "\n");
            whole.AppendData(bytes);
            block.AppendData(bytes);
            if (i % BlockLines == BlockLines - 1 || i == lines.Count - 1)
            {
                blocks.Add(Convert.ToHexStringLower(block.GetHashAndReset())[..8]);
            }
        }

        return new Pin(key, Convert.ToHexStringLower(whole.GetHashAndReset()), lines.Count, blocks, lines, Replay: "");
    }

    private static string Difference(Pin recorded, Pin now)
    {
        int block = 0;
        while (block < recorded.Blocks.Count && block < now.Blocks.Count && recorded.Blocks[block] == now.Blocks[block])
        {
            block++;
        }

        int first = block * BlockLines;
        int last = Math.Min(first + BlockLines, now.Lines.Count);
        var text = new StringBuilder();
        text.Append($"{recorded.Key} replays differently ({recorded.LineCount} lines recorded, {now.LineCount} now). ");
        if (now.Replay.Length > 0)
        {
            text.Append($"Replay: course {now.Replay}. ");
        }

        text.Append($"The first differing line is among lines {first + 1} to {first + BlockLines}, which now read:");
        for (int i = first; i < last; i++)
        {
            text.Append($"\n  {i + 1,6}  {now.Lines[i]}");
        }

        if (first >= now.Lines.Count)
        {
            text.Append("\n  (the run now ends before them)");
        }

        return text.ToString();
    }

    private static Dictionary<string, Pin> ReadPins()
    {
        var pins = new Dictionary<string, Pin>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(PinFile))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            // scenario fencing seed | lines hash | block hashes
            var parts = line.Split(" | ");
            var numbers = parts[1].Split(' ');
            pins[parts[0]] = new Pin(parts[0], numbers[1], int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture), parts[2].Split(' '), [], Replay: "");
        }

        return pins;
    }

    private static void WritePins(IEnumerable<Pin> pins)
    {
        string source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Explorer", "ReplayPins.txt"));
        var text = new StringBuilder();
        text.Append("# The recorded runs ReplayPinTests replays: scenario, fencing, seed (-1: the scenario's own faults, else a random schedule)\n");
        text.Append("# | trace lines, SHA-256 of the trace | the first 8 hex digits of the SHA-256 of each block of 16 lines.\n");
        foreach (var pin in pins)
        {
            text.Append($"{pin.Key} | {pin.LineCount} {pin.Hash} | {string.Join(' ', pin.Blocks)}\n");
        }

        File.WriteAllText(source, text.ToString());
    }

    private sealed record Pin(string Key, string Hash, int LineCount, IReadOnlyList<string> Blocks, IReadOnlyList<string> Lines, string Replay);
}
