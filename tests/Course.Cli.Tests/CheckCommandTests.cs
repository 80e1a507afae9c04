using System.Text.Json;

namespace Course.Cli.Tests;

public class CheckCommandTests
{
    private static readonly string Shared = Path.GetFullPath(Path.Combine(CourseFolder.Root, "notebooks", "data", "histories"));

    private static string TempFile(string name) => Path.Combine(Directory.CreateTempSubdirectory("course-check-").FullName, name);

    [Fact]
    public void A_history_file_that_cannot_be_written_is_refused_before_the_run()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "h.edn");
        var (code, output, error) = CourseRunner.Run("run", "bank-ledger", "--fencing", "off", "--history", missing);
        Assert.Equal(CourseRunner.BadInput, code);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--history", error, StringComparison.Ordinal);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bank_ledger_without_fencing_records_a_history_that_no_single_account_explains()
    {
        string file = TempFile("h.edn");
        var (runCode, runOut, runErr) = CourseRunner.Run("run", "bank-ledger", "--seed", "1", "--fencing", "off", "--history", file);
        Assert.Equal(1, runCode);
        Assert.Empty(runErr);
        Assert.Contains($"written to {file}", runOut);
        Assert.Contains(":f :withdraw, :value 60", File.ReadAllText(file));

        var (code, output, error) = CourseRunner.Run("check", file);

        Assert.Empty(error);
        Assert.Equal(1, code);
        Assert.Contains("NOT linearizable", output);
        Assert.Contains("withdrew $60 (paid)", output);
        Assert.Contains("a withdrawal of $60 is refused when the balance is $40", output);
    }

    [Fact]
    public void Bank_ledger_with_fencing_records_a_linearizable_history()
    {
        string file = TempFile("h.edn");
        CourseRunner.Run("run", "bank-ledger", "--seed", "1", "--fencing", "on", "--history", file);

        var (code, output, error) = CourseRunner.Run("check", file);

        Assert.Empty(error);
        Assert.Equal(0, code);
        Assert.Contains(": linearizable (bank model, 3 operations", output);
    }

    [Fact]
    public void Json_gives_every_shared_history_its_expected_verdict_in_one_array()
    {
        var expected = new Dictionary<string, bool>();
        foreach (string set in new[] { "jepsen-etcd", "kv" })
        {
            foreach (string line in File.ReadAllLines(Path.Combine(Shared, set, "EXPECTED")).Where(l => l.Trim().Length > 0))
            {
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                expected[Path.Combine(Shared, set, fields[0])] = bool.Parse(fields[1]);
            }
        }

        var (code, output, error) = CourseRunner.Run(["check", .. expected.Keys, "--json"]);

        Assert.Empty(error);
        Assert.Equal(1, code);
        var files = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.Equal(expected.Count, files.Length);
        foreach (var file in files)
        {
            string path = file.GetProperty("file").GetString()!;
            Assert.True(expected[path] == file.GetProperty("linearizable").GetBoolean(), $"{path}: {file}");
            Assert.Equal(path.Contains("kv") ? "kv" : "register", file.GetProperty("model").GetString());
            Assert.True(file.GetProperty("operations").GetInt32() > 0);
            Assert.True(file.GetProperty("elapsedMs").GetDouble() >= 0);
            Assert.Equal(!expected[path], file.TryGetProperty("operation", out var stuck));
            if (!expected[path])
            {
                Assert.False(string.IsNullOrEmpty(stuck.GetProperty("f").GetString()));
            }
        }
    }

    [Fact]
    public void A_malformed_line_is_bad_input_naming_the_file_and_the_line()
    {
        string file = TempFile("bad.edn");
        File.WriteAllText(file, "{:process 0, :type :invoke, :f :read, :value nil}\n{:process 0, :type :ok, :f :read, :value\n");

        var (code, output, error) = CourseRunner.Run("check", file);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains($"{file} line 2:", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public void A_completion_without_an_invocation_is_bad_input()
    {
        string file = TempFile("orphan.edn");
        File.WriteAllText(file, "{:process 3, :type :ok, :f :write, :value 1}\n");

        var (code, _, error) = CourseRunner.Run("check", file);

        Assert.Equal(2, code);
        Assert.Contains("line 1: process 3 completes :write without invoking it first", error);
    }

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var (code, _, error) = CourseRunner.Run("check", "/no/such/history.edn");

        Assert.Equal(2, code);
        Assert.StartsWith("course: cannot read the history /no/such/history.edn", error);
    }

    [Fact]
    public void A_model_that_does_not_fit_the_file_is_bad_input()
    {
        var (code, _, error) = CourseRunner.Run("check", Path.Combine(Shared, "kv", "c01-ok.txt"), "--model", "bank");

        Assert.Equal(2, code);
        Assert.Contains("the bank model knows deposit, withdraw, read, but the history has append, get", error);
    }

    [Fact]
    public void A_spent_budget_is_an_honest_unknown_with_exit_3()
    {
        var (code, output, error) = CourseRunner.Run("check", Path.Combine(Shared, "jepsen-etcd", "etcd_002.log"), "--max-steps", "5", "--json");

        Assert.Empty(error);
        Assert.Equal(3, code);
        var file = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal(JsonValueKind.Null, file.GetProperty("linearizable").ValueKind);
        Assert.Contains("5 steps", file.GetProperty("unknownReason").GetString());
    }

    [Fact]
    public void History_is_refused_for_a_scenario_whose_clients_keep_none()
    {
        var (code, _, error) = CourseRunner.Run("run", "gc-pause", "--history", TempFile("h.edn"));

        Assert.Equal(2, code);
        Assert.Contains("the scenario gc-pause keeps no client history; --history works with bank-ledger", error);
    }

    [Fact]
    public void Explore_keeps_the_histories_of_violating_schedules_and_each_is_not_linearizable()
    {
        string folder = Path.Combine(Directory.CreateTempSubdirectory("course-explore-").FullName, "histories");

        var (code, output, _) = CourseRunner.Run("explore", "replicated-register", "--fencing", "off", "--seeds", "50", "--history", folder);

        Assert.Equal(1, code);
        Assert.Contains($"Histories of the violating schedules are in {folder}", output);
        string[] files = Directory.GetFiles(folder, "*.edn");
        Assert.Contains(files, f => f.EndsWith("-shrunk.edn", StringComparison.Ordinal));
        var (checkCode, checkOutput, checkError) = CourseRunner.Run("check", folder);
        Assert.Empty(checkError);
        Assert.Equal(1, checkCode);
        Assert.Equal(files.Length, checkOutput.Split('\n').Count(l => l.Contains(": NOT linearizable", StringComparison.Ordinal)));
    }
}
