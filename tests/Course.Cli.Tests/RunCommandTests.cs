using System.Text.Json;

namespace Course.Cli.Tests;

public class RunCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (_, output, error) = CourseRunner.InProcess(args);
        Assert.True(error.Length == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Help_lists_the_verbs()
    {
        var (code, output, _) = CourseRunner.InProcess("--help");
        Assert.Equal(0, code);
        Assert.Contains("scenarios", output);
        Assert.Contains("run", output);
    }

    [Fact]
    public void Course_alone_says_where_to_start()
    {
        var (code, output, error) = CourseRunner.InProcess();
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("Start here:", output);
        Assert.Contains("course run bank-ledger --fencing off", output);
    }

    [Fact]
    public void Scenarios_lists_all_twelve_one_per_line()
    {
        var (code, output, _) = CourseRunner.InProcess("scenarios");
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
        var (code, output, _) = CourseRunner.InProcess("run", "gc-pause", "--seed", "3");
        Assert.Equal(1, code);
        Assert.Contains("Verdict: UNSAFE.", output);
        Assert.Contains("job-once", output);
        Assert.Contains("Replay: course run gc-pause --seed 3 --fencing off", output);

        var (safeCode, safe, _) = CourseRunner.InProcess("run", "gc-pause", "--seed", "3", "--fencing", "on");
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
        var (code, output, error) = CourseRunner.InProcess(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void The_same_run_in_two_processes_has_the_same_trace_hash()
    {
        var first = CourseRunner.Process("run", "bank-ledger", "--seed", "42", "--json");
        var second = CourseRunner.Process("run", "bank-ledger", "--seed", "42", "--json");
        Assert.Equal(1, first.Code);
        var a = JsonDocument.Parse(first.Out).RootElement.GetProperty("traceHash").GetString();
        var b = JsonDocument.Parse(second.Out).RootElement.GetProperty("traceHash").GetString();
        Assert.Equal(a, b);

        var other = CourseRunner.Process("run", "bank-ledger", "--seed", "43", "--json");
        Assert.NotEqual(a, JsonDocument.Parse(other.Out).RootElement.GetProperty("traceHash").GetString());
    }
}
