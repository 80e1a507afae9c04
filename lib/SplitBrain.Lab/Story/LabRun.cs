using System.Diagnostics;
using System.Globalization;

namespace SplitBrain.Lab;

/// <summary>
/// The real-systems lab, start to end. It starts what it needs on 127.0.0.1 (PostgreSQL, etcd, or the embedded
/// lease service), opens a $100 ledger behind the fencing guard, and runs two real client processes:
/// <list type="number">
/// <item>client 1 takes the lease, writes with its token, and is frozen with SIGSTOP past its lease's time to live;</item>
/// <item>client 2 takes the lease with a higher token and writes;</item>
/// <item>client 1 is resumed with SIGCONT and writes at once with its old token: the guard refuses it.</item>
/// </list>
/// With 3 etcd members one more act freezes etcd's own leader and watches etcd elect another in a higher term, while
/// the guard's verdicts stay the same. Every process the lab started is stopped at the end, also on failure or
/// cancellation (Ctrl+C).
/// <para>
/// The lab also writes down what the clients asked and were told (<see cref="LabReport.History"/>): the opening
/// deposit, every withdrawal from invocation to completion, and a closing read of the balance, on the run's one
/// monotonic clock. The lab sends each <c>write</c> command itself, so it stamps the invocation before the client can
/// reach the store and the completion when the client reports the committed verdict. The history is checked against
/// the bank account (<see cref="LabReport.HistoryVerdict"/>), as the simulator's <c>bank-ledger</c> is.
/// </para>
/// </summary>
public static class LabRun
{
    /// <summary>How long the lab waits for any one step of a client or a server.</summary>
    public static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);

    /// <summary>Dollars each client write takes.</summary>
    public const long Withdrawal = 10;

    /// <summary>Runs the lab.</summary>
    /// <param name="options">Store, coordinator, pause and the client program.</param>
    /// <param name="onEvent">Called for each step as it happens, to print the story live.</param>
    /// <param name="cancellationToken">Stops the lab; everything it started is stopped too.</param>
    public static async Task<LabReport> RunAsync(LabOptions options, Action<LabEvent>? onEvent = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var report = await TellAsync(options, clock, onEvent, cancellationToken);
        return report with { WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2) };
    }

    private static async Task<LabReport> TellAsync(LabOptions options, Stopwatch clock, Action<LabEvent>? onEvent, CancellationToken cancellationToken)
    {
        var story = new Story(clock, onEvent);
        var history = new LabHistory(clock);
        var notes = new List<string>();
        var pids = new List<int>();
        string store = options.Store;
        string coordinator = options.Coordinator;
        if (store == "postgres" && ServerBinaries.PostgresMissing is { } noPostgres)
        {
            notes.Add($"{noPostgres}: using the embedded store, sqlite.");
            store = "sqlite";
        }

        if (coordinator == "etcd" && ServerBinaries.EtcdMissing is { } noEtcd)
        {
            notes.Add($"{noEtcd}: using the embedded lease service.");
            coordinator = "embedded";
        }

        if (options.EtcdNodes == 3 && coordinator != "etcd")
        {
            notes.Add("--etcd-nodes 3 needs --coordinator etcd: the act where etcd's own leader is frozen is skipped.");
        }

        foreach (string note in notes)
        {
            story.Tell("lab", "note", null, note);
        }

        var work = Directory.CreateTempSubdirectory("splitbrain-lab-");
        PostgresServer? postgres = null;
        EtcdCluster? etcd = null;
        EmbeddedLeaseServer? embedded = null;
        var clients = new List<LabProcess>();
        try
        {
            string database = Path.Combine(work.FullName, "ledger.db");
            if (store == "postgres")
            {
                try
                {
                    postgres = await PostgresServer.StartAsync(work.FullName, cancellationToken);
                    pids.Add(postgres.Pid ?? 0);
                    database = postgres.ConnectionString;
                    story.Tell("lab", "started", null, $"PostgreSQL on 127.0.0.1:{postgres.Port}, data in a temporary folder");
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    notes.Add($"PostgreSQL would not start ({error.Message}): using sqlite.");
                    story.Tell("lab", "note", null, notes[^1]);
                    store = "sqlite";
                }
            }

            string address;
            if (coordinator == "etcd")
            {
                try
                {
                    etcd = await EtcdCluster.StartAsync(options.EtcdNodes, work.FullName, cancellationToken);
                    pids.AddRange(etcd.Pids);
                    story.Tell("lab", "started", null, $"etcd, {options.EtcdNodes} member(s): {etcd.Endpoints}");
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    notes.Add($"etcd would not start ({error.Message}): using the embedded lease service.");
                    story.Tell("lab", "note", null, notes[^1]);
                    coordinator = "embedded";
                }
            }

            if (etcd is not null)
            {
                address = etcd.Endpoints;
            }
            else
            {
                embedded = new EmbeddedLeaseServer(new EmbeddedLeaseService(options.Ttl));
                address = embedded.Address;
            }

            await using (var ledger = LabConnections.OpenLedger(store, database))
            {
                history.Invoke(BankStory.HistoryTeller, "deposit", options.OpeningBalance);
                await ledger.CreateAsync(options.OpeningBalance, cancellationToken);
                history.Ok(BankStory.HistoryTeller, options.OpeningBalance);
            }

            story.Tell("lab", "opened", null, $"ledger with ${options.OpeningBalance} in {store}; leases from {coordinator}, time to live {options.Ttl.TotalSeconds:0.#} s");

            LabProcess StartClient(string name, string reach)
            {
                var client = LabProcess.Start(options.ClientProgram.File, [.. options.ClientProgram.Arguments,
                    "--name", name, "--store", store, "--database", database, "--coordinator", coordinator, "--address", reach,
                    "--ttl", options.Ttl.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--amount", Withdrawal.ToString(CultureInfo.InvariantCulture)]);
                clients.Add(client);
                pids.Add(client.Pid);
                return client;
            }

            // The lab asks for every withdrawal, so it stamps the invocation before the client can act on it.
            async Task<ClientLine> WithdrawAsync(LabProcess client, string name)
            {
                history.Invoke(name, "withdraw", Withdrawal);
                await client.SendAsync("write");
                var wrote = await client.WaitForAsync("wrote", StepLimit, story.Heard, cancellationToken);
                history.Withdrew(name, Withdrawal, wrote.Accepted == true, wrote.Detail ?? "");
                await client.WaitForAsync("ready", StepLimit, story.Heard, cancellationToken);
                return wrote;
            }

            // Act 1: client 1 takes the lease and writes, then freezes while it holds it.
            var client1 = StartClient("client-1", address);
            long first = (await client1.WaitForAsync("acquired", StepLimit, story.Heard, cancellationToken)).Token ?? 0;
            await client1.WaitForAsync("ready", StepLimit, story.Heard, cancellationToken);
            await WithdrawAsync(client1, "client-1");
            Signals.Freeze(client1.Pid);
            story.Tell("lab", "frozen", first, $"client-1 frozen with SIGSTOP for {options.Pause.TotalSeconds:0.#} s; its keep-alive stops with it");
            await Task.Delay(options.Pause, cancellationToken);

            // Act 2: the lease expired; client 2 takes it with a higher token and writes.
            var client2 = StartClient("client-2", address);
            long second = (await client2.WaitForAsync("acquired", StepLimit, story.Heard, cancellationToken)).Token ?? 0;
            await client2.WaitForAsync("ready", StepLimit, story.Heard, cancellationToken);
            await WithdrawAsync(client2, "client-2");

            // Act 3: client 1 wakes and writes at once with its old token, as if no time had passed.
            Signals.Thaw(client1.Pid);
            story.Tell("lab", "resumed", first, "client-1 resumed with SIGCONT; it writes at once, still believing it holds the lease");
            var late = await WithdrawAsync(client1, "client-1");
            bool staleRefused = late.Accepted == false;

            EtcdElectionAct? election = null;
            if (etcd is not null && options.EtcdNodes == 3)
            {
                election = await FreezeEtcdLeaderAsync(etcd, client2, first, store, database, StartClient, WithdrawAsync, story, history, cancellationToken);
            }

            foreach (var client in clients.Where(c => !c.HasExited))
            {
                await client.SendAsync("release");
            }

            foreach (var client in clients)
            {
                await client.WaitForExitAsync(TimeSpan.FromSeconds(15));
                client.Drain(story.Heard);
            }

            await using var final = LabConnections.OpenLedger(store, database);
            history.Invoke(LabHistory.Reader, "read", null);
            long balance = await final.BalanceAsync(cancellationToken);
            history.Ok(LabHistory.Reader, balance);
            return new LabReport
            {
                Store = store,
                Coordinator = coordinator,
                EtcdNodes = etcd is null ? 0 : options.EtcdNodes,
                PauseSeconds = options.Pause.TotalSeconds,
                TtlSeconds = options.Ttl.TotalSeconds,
                Notes = notes,
                Events = story.Events,
                FirstToken = first,
                SecondToken = second,
                StaleWriteRefused = staleRefused,
                FinalBalance = balance,
                HighestToken = (await final.HighestTokenAsync(cancellationToken))?.Value ?? 0,
                Audit = await final.AuditAsync(cancellationToken),
                EtcdElection = election,
                History = history.ToHistory(),
                HistoryVerdict = history.Check(),
                Pids = pids,
                WorkFolder = work.FullName,
            };
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }

            if (etcd is not null)
            {
                await etcd.DisposeAsync();
            }

            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                work.Delete(recursive: true);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }

    private static async Task<EtcdElectionAct> FreezeEtcdLeaderAsync(
        EtcdCluster etcd, LabProcess holder, long staleToken, string store, string database,
        Func<string, string, LabProcess> startClient, Func<LabProcess, string, Task<ClientLine>> withdraw, Story story, LabHistory history,
        CancellationToken cancellationToken)
    {
        // Client 2 hands the lease back, so that a client can get a new one through etcd's next leader.
        await holder.SendAsync("release");
        await holder.WaitForAsync("released", StepLimit, story.Heard, cancellationToken);
        var clock = Stopwatch.StartNew();
        var (before, frozen, after) = await etcd.FreezeLeaderAsync(StepLimit, cancellationToken);
        double electionSeconds = clock.Elapsed.TotalSeconds;
        story.Tell("etcd", "frozen", null, $"{frozen}, etcd's own leader in Raft term {before.RaftTerm}, frozen with SIGSTOP");
        story.Tell("etcd", "leader", null, $"{after.Name} elected leader in Raft term {after.RaftTerm}, {electionSeconds:0.0} s later (read from etcd's status API)");

        var client3 = startClient("client-3", etcd.LiveEndpoints);
        long third = (await client3.WaitForAsync("acquired", StepLimit, story.Heard, cancellationToken)).Token ?? 0;
        await client3.WaitForAsync("ready", StepLimit, story.Heard, cancellationToken);
        var wrote = await withdraw(client3, "client-3");

        // The lab replays client 1's write itself, with client 1's old token: in the history it is client 1's.
        await using var ledger = LabConnections.OpenLedger(store, database);
        history.Invoke("client-1", "withdraw", Withdrawal);
        var replay = await ledger.WithdrawAsync("client-1", new FencingToken(staleToken), Withdrawal, cancellationToken);
        history.Withdrew("client-1", Withdrawal, replay.Accepted, replay.Reason);
        story.Tell("client-1", replay.Accepted ? "accepted" : "refused", staleToken, $"replayed after the election: {replay.Reason}, balance ${replay.Balance}");

        etcd.ThawAll();
        story.Tell("etcd", "resumed", null, $"{frozen} resumed with SIGCONT; it rejoins as a follower of term {after.RaftTerm}");
        return new EtcdElectionAct(frozen, before.RaftTerm, after.Name, after.RaftTerm, electionSeconds, third, wrote.Accepted == true, !replay.Accepted);
    }

    /// <summary>The story as it is told: events with their times, printed live.</summary>
    private sealed class Story(Stopwatch clock, Action<LabEvent>? onEvent)
    {
        private readonly List<LabEvent> events = [];

        public IReadOnlyList<LabEvent> Events
        {
            get
            {
                lock (events)
                {
                    return [.. events];
                }
            }
        }

        public void Tell(string actor, string kind, long? token, string detail)
        {
            var step = new LabEvent(Math.Round(clock.Elapsed.TotalSeconds, 3), actor, kind, token, detail);
            lock (events)
            {
                events.Add(step);
            }

            onEvent?.Invoke(step);
        }

        public void Heard(ClientLine line)
        {
            switch (line.Kind)
            {
                case "acquired":
                    Tell(line.Client, "acquired", line.Token, "got the lease");
                    break;
                case "wrote":
                    Tell(line.Client, line.Accepted == true ? "accepted" : "refused", line.Token, $"withdraw ${Withdrawal}: {line.Detail}, balance ${line.Balance}");
                    break;
                case "lost":
                    Tell(line.Client, "lost", line.Token, "its keep-alive found the lease gone");
                    break;
                case "released":
                    Tell(line.Client, "released", line.Token, "let go of the lease and exited");
                    break;
            }
        }
    }
}
