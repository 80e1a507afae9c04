using System.Diagnostics;
using System.Text.Json;
using Course.Cli.Tests;
using SplitBrain.Lab.Tests.Support;
using Xunit.Abstractions;

namespace SplitBrain.Lab.Tests;

/// <summary>
/// <c>course lab</c> as a learner runs it, in a child process: the late write is refused, the tokens rise, and no
/// server or client of the run is left running afterwards.
/// </summary>
public sealed class LabEndToEnd(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Defaults_sqlite_and_embedded_refuse_the_frozen_clients_late_write()
    {
        var report = await RunLabAsync("lab", "--json");

        Assert.Equal(("sqlite", "embedded", 0), (report.Store, report.Coordinator, report.EtcdNodes));
        Assert.Equal((33L, 34L), (report.FirstToken, report.SecondToken));
        AssertTheStory(report);
    }

    [EtcdAndPostgresFact]
    public async Task Postgres_and_etcd_refuse_the_frozen_clients_late_write()
    {
        var report = await RunLabAsync("lab", "--store", "postgres", "--coordinator", "etcd", "--json");

        Assert.Equal(("postgres", "etcd", 1), (report.Store, report.Coordinator, report.EtcdNodes));
        Assert.Empty(report.Notes);
        AssertTheStory(report);
    }

    [EtcdFact]
    public async Task Three_etcd_members_elect_a_new_leader_in_a_higher_term_and_the_verdicts_stay_the_same()
    {
        var report = await RunLabAsync("lab", "--coordinator", "etcd", "--etcd-nodes", "3", "--json");

        AssertTheStory(report, acceptedWrites: 3, refusedWrites: 2);
        var act = Assert.IsType<LabElectionView>(report.EtcdElection);
        Assert.NotEqual(act.FrozenLeader, act.NewLeader);
        Assert.True(act.TermAfter > act.TermBefore, $"term {act.TermBefore} -> {act.TermAfter}");
        Assert.True(act.TokenAfter > report.SecondToken);
        Assert.True(act.WriteAfterAccepted);
        Assert.True(act.StaleStillRefused);
    }

    [Fact]
    public async Task Hidden_servers_fall_back_to_the_embedded_choices_and_say_what_to_install()
    {
        var report = await RunLabAsync(new Dictionary<string, string> { [ServerBinaries.HideVariable] = "etcd,postgres" }, "lab", "--store", "postgres", "--coordinator", "etcd", "--json");

        Assert.Equal(("sqlite", "embedded"), (report.Store, report.Coordinator));
        Assert.Contains(report.Notes, n => n.Contains("apt-get install -y postgresql", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("apt-get install -y etcd-server etcd-client", StringComparison.Ordinal));
        AssertTheStory(report);
    }

    [Fact]
    public async Task Ctrl_C_while_a_client_is_frozen_stops_every_process_of_the_run()
    {
        var (file, prefix) = CourseClient.Program();
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in prefix.Take(prefix.Count - 1).Concat(["lab", "--pause", "30"]))
        {
            start.ArgumentList.Add(argument);
        }

        using var lab = Process.Start(start)!;
        var seen = new List<string>();
        string? line;
        while ((line = await lab.StandardOutput.ReadLineAsync()) is not null && !line.Contains(" frozen ", StringComparison.Ordinal))
        {
            seen.Add(line);
        }

        Assert.NotNull(line);
        int frozenClient = Process.GetProcesses().Where(p => CommandLine(p.Id).Contains("lab-client", StringComparison.Ordinal) && CommandLine(p.Id).Contains("client-1", StringComparison.Ordinal) && ParentOf(p.Id) == lab.Id).Select(p => p.Id).Single();
        // Ctrl+C is SIGINT. A test run started as a background job (`cmd &` in a script) ignores SIGINT, and
        // so does the lab it starts, as every background job does; then stop it the other way it listens for.
        Assert.Equal(0, Kill(lab.Id, IgnoresInterrupt(lab.Id) ? "TERM" : "INT"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await lab.WaitForExitAsync(timeout.Token);
        string rest = await lab.StandardOutput.ReadToEndAsync();

        Assert.Equal(130, lab.ExitCode);
        Assert.Contains("Stopped", rest, StringComparison.Ordinal);
        Assert.False(Signals.IsAlive(frozenClient), $"client-1 (pid {frozenClient}) still runs after Ctrl+C");
    }

    [Fact]
    public async Task History_file_holds_every_withdrawal_and_course_check_finds_it_linearizable()
    {
        using var folder = new TemporaryFolder();
        string file = Path.Combine(folder.Path, "lab.edn");

        string story = await RunLabTextAsync("lab", "--history", file);

        Assert.EndsWith($"History: 5 operations written to {file}; check it with: course check {file}", story.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("What the clients saw: 5 operations (3 withdrawals), checked as one bank account: linearizable", story, StringComparison.Ordinal);
        var history = History.Load(file);
        var withdrawals = history.Operations.Where(o => o.Function == "withdraw").ToArray();
        Assert.Equal([OperationOutcome.Ok, OperationOutcome.Ok, OperationOutcome.Fail], withdrawals.Select(o => o.Outcome));
        Assert.Equal(new Keyword("fenced"), withdrawals[2].Error);
        Assert.Equal(withdrawals[0].Process, withdrawals[2].Process);   // client-1 wrote first and last
        Assert.True(withdrawals[1].CompletedAt < withdrawals[2].InvokedAt, "client-2's withdrawal completed before client-1 was asked for its late one");
        var read = Assert.Single(history.Operations, o => o.Function == "read");
        Assert.Equal((OperationOutcome.Ok, (object)80L), (read.Outcome, read.Result!));

        var (code, stdout, stderr) = CourseRunner.Run("check", file, "--json");

        Assert.True(code == 0, $"course check: exit {code}: {stderr}{stdout}");
        var verdict = JsonDocument.Parse(stdout).RootElement[0];
        Assert.Equal(("bank", 5, true), (verdict.GetProperty("model").GetString(), verdict.GetProperty("operations").GetInt32(), verdict.GetProperty("linearizable").GetBoolean()));
    }

    [Theory]
    [InlineData("missing-folder/lab.edn", "cannot be written: the folder")]
    [InlineData("", "is a folder")]
    public void A_history_path_that_cannot_be_written_is_one_line_and_exit_2_before_the_lab_starts(string name, string message)
    {
        using var folder = new TemporaryFolder();
        string path = Path.Combine(folder.Path, name);

        var (code, stdout, stderr) = CourseRunner.Run("lab", "--history", path);

        Assert.Equal(CourseRunner.BadInput, code);
        Assert.StartsWith("course: --history ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Empty(stdout);   // not even the lab's first line: nothing started
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("--store", "mysql", "--store 'mysql' is not a store the lab knows: use sqlite or postgres.")]
    [InlineData("--coordinator", "zookeeper", "--coordinator 'zookeeper' is not a coordinator the lab knows: use embedded or etcd.")]
    [InlineData("--pause", "1", "--pause 1 is out of range: the pause must outlast the lease's time to live (2 s) and be at most 60 s.")]
    [InlineData("--pause", "61", "--pause 61 is out of range")]
    [InlineData("--etcd-nodes", "2", "--etcd-nodes 2 is not allowed: use 1 or 3.")]
    public void Bad_option_values_are_one_line_errors_naming_the_option_and_what_is_allowed(string option, string value, string message)
    {
        var (code, stdout, stderr) = CourseRunner.Run("lab", option, value);

        Assert.Equal(CourseRunner.BadInput, code);
        Assert.StartsWith($"course: {message}", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    private void AssertTheStory(LabReportView report, int acceptedWrites = 2, int refusedWrites = 1)
    {
        var history = Assert.IsType<LabHistoryView>(report.HistoryVerdict);
        Assert.True(history.Linearizable == true, history.Verdict);
        Assert.Equal(("bank", acceptedWrites + refusedWrites, acceptedWrites + refusedWrites + 2), (history.Model, history.Withdrawals, history.Operations));
        Assert.True(report.StaleWriteRefused);
        Assert.True(report.SecondToken > report.FirstToken, $"tokens {report.FirstToken} then {report.SecondToken}");
        var late = report.Events.Last(e => e.Actor == "client-1" && e.Kind is "accepted" or "refused");
        Assert.Equal(("refused", report.FirstToken), (late.Kind, late.Token));
        Assert.Contains($"< highest seen", late.Detail, StringComparison.Ordinal);
        int frozen = report.Events.FindIndex(e => e.Kind == "frozen" && e.Actor == "lab");
        int taken = report.Events.FindIndex(e => e.Actor == "client-2" && e.Kind == "acquired");
        int resumed = report.Events.FindIndex(e => e.Kind == "resumed" && e.Actor == "lab");
        Assert.True(frozen < taken && taken < resumed, "the story runs: freeze, take over, resume");
        Assert.True(report.Events[taken].Seconds - report.Events[frozen].Seconds >= report.TtlSeconds, "client-2 got the lease only after client-1's had expired");
        Assert.Equal(acceptedWrites, report.Audit.Count);
        Assert.Equal(0, AuditRow.CountStale(report.Audit.Select(a => new AuditRow(a.Sequence, a.Writer, new FencingToken(a.Token.Value), a.Amount, a.BalanceAfter))));
        Assert.Equal(100 - (10 * acceptedWrites), report.FinalBalance);
        AssertNothingLeft(report);
    }

    private static void AssertNothingLeft(LabReportView report)
    {
        Assert.NotEmpty(report.Pids);
        Assert.All(report.Pids, pid => Assert.False(Signals.IsAlive(pid), $"process {pid} ({CommandLine(pid)}) of the run still runs"));
        var left = Process.GetProcesses().Select(p => (p.Id, Line: CommandLine(p.Id))).Where(p => p.Line.Contains(report.WorkFolder, StringComparison.Ordinal) && Signals.IsAlive(p.Id)).ToArray();
        Assert.True(left.Length == 0, $"still running: {string.Join("; ", left.Select(p => $"{p.Id} {p.Line}"))}");
        Assert.False(Directory.Exists(report.WorkFolder), $"{report.WorkFolder} was not deleted");
    }

    private Task<LabReportView> RunLabAsync(params string[] args) => RunLabAsync(new Dictionary<string, string>(), args);

    private async Task<LabReportView> RunLabAsync(Dictionary<string, string> environment, params string[] args)
    {
        string text = await RunLabTextAsync(environment, args);
        var report = JsonSerializer.Deserialize<LabReportView>(text, JsonSerializerOptions.Web)!;
        output.WriteLine($"lab wall time {report.WallSeconds:0.0} s; tokens {report.FirstToken}, {report.SecondToken}");
        return report;
    }

    private Task<string> RunLabTextAsync(params string[] args) => RunLabTextAsync(new Dictionary<string, string>(), args);

    private async Task<string> RunLabTextAsync(Dictionary<string, string> environment, params string[] args)
    {
        var (file, prefix) = CourseClient.Program();
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in prefix.Take(prefix.Count - 1).Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        await process.WaitForExitAsync(timeout.Token);
        string text = await stdout;
        output.WriteLine($"course {string.Join(' ', args)}: exit {process.ExitCode} after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}\n{text}");
        return text;
    }

    /// <summary>A fresh empty folder, deleted at the end.</summary>
    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("splitbrain-labhist-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>Whether process <paramref name="pid"/> ignores SIGINT (signal 2), read from its SigIgn mask.</summary>
    private static bool IgnoresInterrupt(int pid)
    {
        string mask = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (Convert.ToUInt64(mask, 16) & (1UL << (2 - 1))) != 0;
    }

    private static int Kill(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
