using System.Text.Json;

namespace Course.Cli.Tests;

public class RunCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (_, output, error) = CourseRunner.Run(args);
        Assert.True(error.Length == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Help_lists_the_verbs()
    {
        var (code, output, _) = CourseRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("scenarios", output);
        Assert.Contains("run", output);
    }

    [Fact]
    public void Course_alone_says_where_to_start()
    {
        var (code, output, error) = CourseRunner.Run();
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("Start here:", output);
        Assert.Contains("course run bank-ledger --fencing off", output);
    }

    [Fact]
    public void Scenarios_lists_all_twelve_one_per_line()
    {
        var (code, output, _) = CourseRunner.Run("scenarios");
        Assert.Equal(0, code);
        foreach (var name in SplitBrain.Scenarios.Names)
        {
            Assert.Contains(output.Split('\n'), line => line.StartsWith(name + " ", StringComparison.Ordinal));
        }

        Assert.Equal(12, SplitBrain.Scenarios.Names.Count);
    }

    [Fact]
    public void Bank_ledger_without_fencing_pays_120_of_100_and_reports_an_overdraft()
    {
        var json = Json("run", "bank-ledger", "--seed", "1", "--fencing", "off", "--json");
        Assert.Equal("bank-ledger", json.GetProperty("scenario").GetString());
        Assert.Equal(1, json.GetProperty("seed").GetInt64());
        Assert.False(json.GetProperty("fencing").GetBoolean());
        Assert.Equal(100, json.GetProperty("initialBalance").GetInt64());
        Assert.Equal(120, json.GetProperty("paidOut").GetInt64());
        Assert.True(json.GetProperty("events").GetInt64() > 0);
        Assert.Equal(64, json.GetProperty("traceHash").GetString()!.Length);
        Assert.Equal(2, json.GetProperty("maxLeadersAtOnce").GetInt32());
        Assert.Contains(json.GetProperty("violations").EnumerateArray(), v => v.GetProperty("invariant").GetString() == "no-overdraft");
    }

    [Fact]
    public void Bank_ledger_with_fencing_pays_at_most_100_and_rejects_a_write()
    {
        var json = Json("run", "bank-ledger", "--seed", "1", "--fencing", "on", "--json");
        Assert.True(json.GetProperty("paidOut").GetInt64() <= 100);
        Assert.Empty(json.GetProperty("violations").EnumerateArray());
        Assert.True(json.GetProperty("writes").GetProperty("rejected").GetInt32() >= 1);
    }

    [Fact]
    public void Two_two_partition_with_a_quorum_of_2_has_two_leaders_and_a_violation()
    {
        var json = Json("run", "two-two-partition", "--quorum", "2", "--json");
        Assert.Equal(2, json.GetProperty("maxLeadersAtOnce").GetInt32());
        Assert.Contains(json.GetProperty("violations").EnumerateArray(), v => v.GetProperty("invariant").GetString() == "one-leader-at-a-time");
    }

    [Fact]
    public void The_story_names_the_verdict_and_the_replay_command()
    {
        var (code, output, _) = CourseRunner.Run("run", "gc-pause", "--seed", "3");
        Assert.Equal(1, code);
        Assert.Contains("Verdict: UNSAFE.", output);
        Assert.Contains("job-once", output);
        Assert.Contains("Replay: course run gc-pause --seed 3 --fencing off", output);

        var (safeCode, safe, _) = CourseRunner.Run("run", "gc-pause", "--seed", "3", "--fencing", "on");
        Assert.Equal(0, safeCode);
        Assert.Contains("Verdict: safe.", safe);
        Assert.Contains("REFUSES", safe);
    }

    [Theory]
    [InlineData(new[] { "run", "no-such-scenario" }, "Unknown scenario \"no-such-scenario\"; the scenarios are bank-ledger")]
    [InlineData(new[] { "run", "bank-ledger", "--fencing", "maybe" }, "maybe")]
    [InlineData(new[] { "run", "bank-ledger", "--seed", "seven" }, "seven")]
    [InlineData(new[] { "run", "gc-pause", "--quorum", "2" }, "has no elections")]
    [InlineData(new[] { "run", "two-two-partition", "--quorum", "9" }, "between 1 and 4 votes")]
    [InlineData(new[] { "run", "bank-ledger", "--bogus" }, "--bogus")]
    public void Bad_input_is_one_line_naming_what_is_allowed_with_exit_code_2(string[] args, string expected)
    {
        var (code, output, error) = CourseRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData(new[] { "run", "two-two-partition", "--quorum", "abc" }, "--quorum takes a whole number")]
    [InlineData(new[] { "run", "bank-ledger", "--seed", "abc" }, "--seed takes a whole number")]
    [InlineData(new[] { "explore", "bank-ledger", "--seeds", "1e9" }, "--seeds takes a whole number, like 1000; got '1e9'.")]
    [InlineData(new[] { "playground", "--port", "abc" }, "--port takes a whole number, like 5180; got 'abc'.")]
    [InlineData(new[] { "explore", "bank-ledger", "--time", "soon" }, "--time takes a number")]
    [InlineData(new[] { "run", "bank-ledger", "--faults", "" }, "--faults needs at least one fault")]
    [InlineData(new[] { "run", "bank-ledger", "--faults", "   " }, "--faults needs at least one fault")]
    [InlineData(new[] { "run", "bank-ledger", "--faults", "t=100s heal" }, "comes after the run's end")]
    [InlineData(new[] { "explore", "bank-ledger", "--first-seed", "9223372036854775807", "--seeds", "5" }, "start at 9223372036854775803 or lower")]
    [InlineData(new[] { "run", "gc-pause", "--margin", "on" }, "the margin applies to clock-skew-lease")]
    [InlineData(new[] { "run", "bank-ledger", "--tokens", "off" }, "no token check to switch")]
    [InlineData(new[] { "run", "clock-skew-lease", "--margin", "maybe" }, "maybe")]
    [InlineData(new[] { "release", "/proc/x" }, "/proc/x")]
    [InlineData(new[] { "release", "/proc/self/status/x" }, "/proc/self/status/x")]
    public void Each_bad_input_the_course_met_is_one_plain_line_with_exit_code_2(string[] args, string expected)
    {
        var (code, output, error) = CourseRunner.RunIn(CourseFolder.Root, args);
        Assert.True(code == CourseRunner.BadInput, $"course {string.Join(' ', args)}: exit {code}, stderr: {error}");
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("course: ", error, StringComparison.Ordinal);
        foreach (var leak in new[] { "System.", "Exception", "(Parameter", "Actual value was", "   at " })
        {
            Assert.DoesNotContain(leak, error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("off", "off", 4, 0)]
    [InlineData("on", "off", 0, 0)]
    [InlineData("off", "on", 0, 4)]
    public void Clock_skew_lease_switches_the_margin_and_the_tokens_alone(string margin, string tokens, long stale, int refused)
    {
        var json = Json("run", "clock-skew-lease", "--margin", margin, "--tokens", tokens, "--json");
        Assert.Equal(stale, json.GetProperty("staleWritesAccepted").GetInt64());
        Assert.Equal(refused, json.GetProperty("writes").GetProperty("rejected").GetInt32());
        Assert.Equal($"run clock-skew-lease --seed 1 --fencing off --margin {margin} --tokens {tokens}", json.GetProperty("replay").GetString());
    }

    [Fact]
    public void A_protected_run_does_not_repeat_the_unprotected_runs_figures_in_its_header()
    {
        var (_, off, _) = CourseRunner.Run("run", "bank-ledger", "--fencing", "off");
        var (_, on, _) = CourseRunner.Run("run", "bank-ledger", "--fencing", "on");
        Assert.Contains("$120 paid out without fencing", off.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("$120", on.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("with protection:", on.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void One_fault_is_one_fault()
    {
        var (_, output, _) = CourseRunner.Run("run", "bank-ledger", "--faults", "t=1s heal");
        Assert.Contains("1 fault of its own", output, StringComparison.Ordinal);
        Assert.DoesNotContain("1 faults", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_run_in_two_processes_has_the_same_trace_hash()
    {
        var first = CourseRunner.Run("run", "bank-ledger", "--seed", "42", "--json");
        var second = CourseRunner.Run("run", "bank-ledger", "--seed", "42", "--json");
        Assert.Equal(1, first.Code);
        var a = JsonDocument.Parse(first.Out).RootElement.GetProperty("traceHash").GetString();
        var b = JsonDocument.Parse(second.Out).RootElement.GetProperty("traceHash").GetString();
        Assert.Equal(a, b);

        var other = CourseRunner.Run("run", "bank-ledger", "--seed", "43", "--json");
        Assert.NotEqual(a, JsonDocument.Parse(other.Out).RootElement.GetProperty("traceHash").GetString());
    }
}
