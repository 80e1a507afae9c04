using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using SplitBrain.Lab;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course lab</c>: the real-systems lab. Two real client processes share a ledger behind the fencing guard in
/// SQLite or PostgreSQL, with leases from etcd or the embedded lease service; the first is frozen with SIGSTOP past
/// its lease, the second takes over, and the first's late write is refused. With <c>--history FILE</c> it writes what
/// the clients asked and were told as Jepsen-style EDN, the same format as <c>course run --history</c>, for
/// <c>course check</c>; the report says the history's verdict either way. Exit code 0 when the stale write was
/// refused, 1 when it was accepted, 2 for bad input, 130 when stopped with Ctrl+C.
/// </summary>
public static class LabCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = "sqlite (embedded, the default) or postgres (started on 127.0.0.1 from the installed PostgreSQL).", DefaultValueFactory = _ => "sqlite" };
        var coordinator = new Option<string>("--coordinator") { Description = "embedded (the default) or etcd (started on 127.0.0.1 from the installed etcd).", DefaultValueFactory = _ => "embedded" };
        var pause = new Option<double>("--pause") { Description = $"Seconds client 1 stays frozen; more than the lease's {LabOptions.DefaultTtl.TotalSeconds:0} s, at most {LabOptions.LongestPause.TotalSeconds:0}. Default {LabOptions.DefaultPause.TotalSeconds:0}.", DefaultValueFactory = _ => LabOptions.DefaultPause.TotalSeconds };
        var nodes = new Option<int>("--etcd-nodes") { Description = "1 (default) or 3 etcd members; with 3, one more act freezes etcd's own leader.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the story." };
        var history = HistoryFile.Option();
        var command = new Command("lab", "The real-systems lab: two real processes, a lease, a SIGSTOP, and the guard refusing the late write.") { store, coordinator, pause, nodes, json, history };
        command.SetAction(parsed =>
        {
            var options = Options(parsed.GetValue(store)!, parsed.GetValue(coordinator)!, parsed.GetValue(pause), parsed.GetValue(nodes));
            HistoryFile.CheckWritable(parsed.GetValue(history));
            return Run(options, parsed.GetValue(json), parsed.GetValue(history), parsed.InvocationConfiguration.Output);
        });
        return command;
    }

    /// <summary>Checks the options and turns them into the lab's settings; a bad value is a one-line usage error naming the option.</summary>
    /// <param name="store">The <c>--store</c> value.</param>
    /// <param name="coordinator">The <c>--coordinator</c> value.</param>
    /// <param name="pauseSeconds">The <c>--pause</c> value.</param>
    /// <param name="etcdNodes">The <c>--etcd-nodes</c> value.</param>
    public static LabOptions Options(string store, string coordinator, double pauseSeconds, int etcdNodes)
    {
        if (!LabConnections.Stores.Contains(store))
        {
            throw new UsageException($"--store '{store}' is not a store the lab knows: use sqlite or postgres.");
        }

        if (!LabConnections.Coordinators.Contains(coordinator))
        {
            throw new UsageException($"--coordinator '{coordinator}' is not a coordinator the lab knows: use embedded or etcd.");
        }

        if (double.IsNaN(pauseSeconds) || pauseSeconds <= LabOptions.DefaultTtl.TotalSeconds || pauseSeconds > LabOptions.LongestPause.TotalSeconds)
        {
            throw new UsageException($"--pause {pauseSeconds.ToString(CultureInfo.InvariantCulture)} is out of range: the pause must outlast the lease's time to live ({LabOptions.DefaultTtl.TotalSeconds:0} s) and be at most {LabOptions.LongestPause.TotalSeconds:0} s.");
        }

        if (etcdNodes is not (1 or 3))
        {
            throw new UsageException($"--etcd-nodes {etcdNodes} is not allowed: use 1 or 3.");
        }

        return new LabOptions
        {
            Store = store,
            Coordinator = coordinator,
            Pause = TimeSpan.FromSeconds(pauseSeconds),
            EtcdNodes = etcdNodes,
            ClientProgram = ClientProgram(),
        };
    }

    /// <summary>
    /// How to start a lab client: this program with the hidden <c>lab-client</c> verb, through its own launcher, or
    /// through <c>dotnet</c> when the course runs as a .dll (in tests, or with <c>dotnet course.dll</c>).
    /// </summary>
    public static (string File, IReadOnlyList<string> Arguments) ClientProgram()
    {
        string course = typeof(LabCommand).Assembly.Location;
        string? launcher = Environment.ProcessPath;
        if (launcher is not null && Path.GetFileNameWithoutExtension(launcher) == "course")
        {
            return (launcher, ["lab-client"]);
        }

        string dotnet = launcher is not null && Path.GetFileNameWithoutExtension(launcher) == "dotnet"
            ? launcher
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return (dotnet, [course, "lab-client"]);
    }

    private static int Run(LabOptions options, bool json, string? historyPath, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        if (!json)
        {
            output.WriteLine($"The real-systems lab: store {options.Store}, coordinator {options.Coordinator}, pause {options.Pause.TotalSeconds:0.#} s, lease {options.Ttl.TotalSeconds:0} s");
            output.WriteLine();
        }

        LabReport report;
        try
        {
            report = LabRun.RunAsync(options, json ? null : e => output.WriteLine(e.ToString()), stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            output.WriteLine("Stopped: every server and client the lab started has been stopped.");
            return 130;
        }

        if (historyPath is not null && report.History is { } history)
        {
            HistoryFile.Write(history, historyPath);
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
        }
        else
        {
            Summarise(report, output);
            if (historyPath is not null && report.History is { } written)
            {
                output.WriteLine(HistoryFile.Written(written, historyPath));
            }
        }

        return report.StaleWriteRefused ? 0 : 1;
    }

    private static void Summarise(LabReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Tokens: client-1 {report.FirstToken}, client-2 {report.SecondToken}. The store keeps the highest, {report.HighestToken}, with the data.");
        if (report.EtcdElection is { } act)
        {
            output.WriteLine($"etcd: {act.FrozenLeader} led in term {act.TermBefore}; frozen, {act.NewLeader} was elected in term {act.TermAfter} after {act.ElectionSeconds:0.0} s. " +
                $"Through it client-3 got token {act.TokenAfter} ({(act.WriteAfterAccepted ? "write accepted" : "write refused")}); client-1's token {report.FirstToken} was {(act.StaleStillRefused ? "still refused" : "ACCEPTED")}.");
        }

        output.WriteLine(report.StaleWriteRefused
            ? $"Verdict: safe. client-1's late write with token {report.FirstToken} was refused; ${report.Audit.Sum(a => a.Amount)} paid out in {report.Audit.Count} accepted writes, balance ${report.FinalBalance}."
            : $"Verdict: UNSAFE. client-1's late write with token {report.FirstToken} was accepted after token {report.SecondToken}.");
        if (report.HistoryVerdict is { } check)
        {
            output.WriteLine($"What the clients saw: {check.Operations} operations ({check.Withdrawals} withdrawals), checked as one {check.Model} account: {check.Verdict}");
        }

        output.WriteLine($"Wall time {report.WallSeconds:0.0} s. Every server and client the lab started has been stopped.");
    }
}
