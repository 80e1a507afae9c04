using System.Text.Json;

namespace Course.Cli.Tests;

public class ExploreCommandTests
{
    [Fact]
    public void Explore_prints_the_documented_json_and_its_replay_reproduces_the_trace()
    {
        var (code, output, _) = CourseRunner.Run("explore", "bank-ledger", "--seeds", "2000", "--fencing", "off", "--json");
        Assert.Equal(1, code);
        var json = JsonDocument.Parse(output).RootElement;
        foreach (var field in new[] { "schedules", "violations", "firstViolatingSeed", "shrunkSchedule", "replay", "elapsedMs", "schedulesPerSecond" })
        {
            Assert.True(json.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.True(json.GetProperty("violations").GetInt64() >= 1);
        Assert.InRange(json.GetProperty("shrunkSchedule").GetArrayLength(), 1, 3);
        string replay = json.GetProperty("replay").GetString()!;
        Assert.StartsWith("run bank-ledger --seed ", replay);

        // Run the replay exactly as a person would paste it: the arguments after `course`.
        var args = SplitArguments(replay).Append("--json").ToArray();
        var (replayCode, replayed, error) = CourseRunner.Run(args);
        Assert.True(error.Length == 0, error);
        Assert.Equal(1, replayCode);
        var run = JsonDocument.Parse(replayed).RootElement;
        Assert.Equal(json.GetProperty("replayTraceHash").GetString(), run.GetProperty("traceHash").GetString());
        Assert.Contains(run.GetProperty("violations").EnumerateArray(), v => v.GetProperty("invariant").GetString() == json.GetProperty("invariant").GetString());
    }

    [Fact]
    public void Stopping_at_the_first_violation_counts_the_schedules_up_to_it_and_says_the_time_is_no_rate()
    {
        var (_, output, _) = CourseRunner.Run("explore", "bank-ledger", "--first-seed", "100", "--json");
        var json = JsonDocument.Parse(output).RootElement;
        long first = json.GetProperty("firstViolatingSeed").GetInt64();
        Assert.Equal(first - 100 + 1, json.GetProperty("schedules").GetInt64());
        Assert.Equal(1, json.GetProperty("violations").GetInt64());
        Assert.True(json.GetProperty("stoppedAtFirstViolation").GetBoolean());
        Assert.True(json.GetProperty("schedulesRun").GetInt64() >= json.GetProperty("schedules").GetInt64());

        var (_, text, _) = CourseRunner.Run("explore", "bank-ledger", "--first-seed", "100");
        Assert.Contains($"the first violation is in schedule {first - 100 + 1} (seed {first})", text, StringComparison.Ordinal);
        Assert.Contains("run with --all for schedules per second", text, StringComparison.Ordinal);
        Assert.DoesNotContain("per second)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explore_with_fencing_on_finds_nothing_and_exits_0()
    {
        var (code, output, _) = CourseRunner.Run("explore", "bank-ledger", "--seeds", "500", "--fencing", "on");
        Assert.Equal(0, code);
        Assert.Contains("500 schedules", output);
        Assert.Contains("No invariant broke.", output);
    }

    [Theory]
    [InlineData(new[] { "explore", "bank-ledger", "--seeds", "0" }, "--seeds must be at least 1")]
    [InlineData(new[] { "explore", "nope" }, "Unknown scenario")]
    [InlineData(new[] { "explore", "bank-ledger", "--time", "-1" }, "--time must be")]
    [InlineData(new[] { "run", "bank-ledger", "--faults", "t=1s explode A" }, "is not a fault")]
    public void Bad_explore_input_is_one_line_with_exit_code_2(string[] args, string expected)
    {
        var (code, _, error) = CourseRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    /// <summary>Splits a command line the way a shell would for our replay strings: spaces, and double quotes around one argument.</summary>
    private static IEnumerable<string> SplitArguments(string line)
    {
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}
