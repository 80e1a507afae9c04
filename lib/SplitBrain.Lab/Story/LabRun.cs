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
        var stage = new Stage(options, new Story(clock, onEvent), new LabHistory(clock), cancellationToken);
        stage.FallBackFromMissingServers();
        stage.CreateWorkFolder();
        try
        {
            await stage.StartStoreAsync();
            await stage.StartCoordinatorAsync();
            await stage.OpenLedgerAsync();
            var (client1, first) = await stage.FirstClientWritesAsync();
            await stage.FreezePastLeaseAsync(client1, first);
            var (client2, second) = await stage.SecondClientTakesOverAsync();
            bool staleRefused = await stage.ThawAndWriteLateAsync(client1, first);
            EtcdElectionAct? election = null;
            if (stage.Etcd is not null && options.EtcdNodes == 3)
            {
                election = await stage.FreezeEtcdLeaderAsync(client2, first);
            }

            await stage.ReleaseClientsAsync();
            return await stage.ReadBalanceAndReportAsync(first, second, staleRefused, election);
        }
        finally
        {
            await stage.StopEverythingAsync();
        }
    }

    /// <summary>
    /// What the lab has started for one run, and the acts of its story: the store, the coordinator, the client
    /// processes, and the notes and history it writes down. <see cref="StopEverythingAsync"/> stops all of it.
    /// </summary>
    private sealed class Stage(LabOptions options, Story story, LabHistory history, CancellationToken cancellationToken)
    {
        private readonly List<string> notes = [];
        private readonly List<int> pids = [];
        private readonly List<LabProcess> clients = [];
        private string store = options.Store;
        private string coordinator = options.Coordinator;
        private string database = "";
        private string address = "";
        private PostgresServer? postgres;
        private EmbeddedLeaseServer? embedded;
        private DirectoryInfo work = null!;

        /// <summary>The etcd cluster, if the lab started one.</summary>
        public EtcdCluster? Etcd { get; private set; }

        /// <summary>Chooses the embedded store or lease service where PostgreSQL or etcd is not installed, and says so.</summary>
        public void FallBackFromMissingServers()
        {
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
        }

        /// <summary>Creates the temporary folder the servers and the embedded store keep their data in.</summary>
        public void CreateWorkFolder()
        {
            work = Directory.CreateTempSubdirectory("splitbrain-lab-");
        }

        /// <summary>Starts PostgreSQL for the ledger, or keeps it in sqlite in the work folder if PostgreSQL is not asked for or will not start.</summary>
        public async Task StartStoreAsync()
        {
            database = Path.Combine(work.FullName, "ledger.db");
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
        }

        /// <summary>Starts etcd for the leases, or the embedded lease service if etcd is not asked for or will not start.</summary>
        public async Task StartCoordinatorAsync()
        {
            if (coordinator == "etcd")
            {
                try
                {
                    Etcd = await EtcdCluster.StartAsync(options.EtcdNodes, work.FullName, cancellationToken);
                    pids.AddRange(Etcd.Pids);
                    story.Tell("lab", "started", null, $"etcd, {options.EtcdNodes} member(s): {Etcd.Endpoints}");
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    notes.Add($"etcd would not start ({error.Message}): using the embedded lease service.");
                    story.Tell("lab", "note", null, notes[^1]);
                    coordinator = "embedded";
                }
            }

            if (Etcd is not null)
            {
                address = Etcd.Endpoints;
            }
            else
            {
                embedded = new EmbeddedLeaseServer(new EmbeddedLeaseService(options.Ttl));
                address = embedded.Address;
            }
        }

        /// <summary>Opens the ledger with the opening deposit, written down in the history.</summary>
        public async Task OpenLedgerAsync()
        {
            await using (var ledger = LabConnections.OpenLedger(store, database))
            {
                history.Invoke(BankStory.HistoryTeller, "deposit", options.OpeningBalance);
                await ledger.CreateAsync(options.OpeningBalance, cancellationToken);
                history.Ok(BankStory.HistoryTeller, options.OpeningBalance);
            }

            story.Tell("lab", "opened", null, $"ledger with ${options.OpeningBalance} in {store}; leases from {coordinator}, time to live {options.Ttl.TotalSeconds:0.#} s");
        }

        /// <summary>Act 1: client 1 takes the lease and writes.</summary>
        /// <returns>Client 1 and its fencing token.</returns>
        public async Task<(LabProcess Client, long Token)> FirstClientWritesAsync()
        {
            var (client1, first) = await StartHolderAsync("client-1", address);
            await WithdrawAsync(client1, "client-1");
            return (client1, first);
        }

        /// <summary>Act 1, its end: client 1 is frozen with SIGSTOP, while it holds the lease, for longer than the lease lives.</summary>
        public async Task FreezePastLeaseAsync(LabProcess client1, long first)
        {
            Signals.Freeze(client1.Pid);
            story.Tell("lab", "frozen", first, $"client-1 frozen with SIGSTOP for {options.Pause.TotalSeconds:0.#} s; its keep-alive stops with it");
            await Task.Delay(options.Pause, cancellationToken);
        }

        /// <summary>Act 2: the lease expired; client 2 takes it with a higher token and writes.</summary>
        /// <returns>Client 2 and its fencing token.</returns>
        public async Task<(LabProcess Client, long Token)> SecondClientTakesOverAsync()
        {
            var (client2, second) = await StartHolderAsync("client-2", address);
            await WithdrawAsync(client2, "client-2");
            return (client2, second);
        }

        /// <summary>Act 3: client 1 is resumed with SIGCONT and writes at once with its old token, as if no time had passed.</summary>
        /// <returns>Whether the guard refused that stale write.</returns>
        public async Task<bool> ThawAndWriteLateAsync(LabProcess client1, long first)
        {
            Signals.Thaw(client1.Pid);
            story.Tell("lab", "resumed", first, "client-1 resumed with SIGCONT; it writes at once, still believing it holds the lease");
            var late = await WithdrawAsync(client1, "client-1");
            return late.Accepted == false;
        }

        /// <summary>
        /// With 3 etcd members: the holder hands the lease back, etcd's own leader is frozen and etcd elects another;
        /// client 3 takes the lease through the new leader and writes, and client 1's old token is replayed.
        /// </summary>
        /// <param name="holder">The client that holds the lease now.</param>
        /// <param name="staleToken">Client 1's old token.</param>
        public async Task<EtcdElectionAct> FreezeEtcdLeaderAsync(LabProcess holder, long staleToken)
        {
            var etcd = Etcd!;

            // Client 2 hands the lease back, so that a client can get a new one through etcd's next leader.
            await holder.SendAsync("release");
            await holder.WaitForAsync("released", StepLimit, story.Heard, cancellationToken);
            var clock = Stopwatch.StartNew();
            var (before, frozen, after) = await etcd.FreezeLeaderAsync(StepLimit, cancellationToken);
            double electionSeconds = clock.Elapsed.TotalSeconds;
            story.Tell("etcd", "frozen", null, $"{frozen}, etcd's own leader in Raft term {before.RaftTerm}, frozen with SIGSTOP");
            story.Tell("etcd", "leader", null, $"{after.Name} elected leader in Raft term {after.RaftTerm}, {electionSeconds:0.0} s later (read from etcd's status API)");

            var (client3, third) = await StartHolderAsync("client-3", etcd.LiveEndpoints);
            var wrote = await WithdrawAsync(client3, "client-3");

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

        /// <summary>Asks every client still running to let go of its lease, and waits for each to exit.</summary>
        public async Task ReleaseClientsAsync()
        {
            foreach (var client in clients.Where(c => !c.HasExited))
            {
                await client.SendAsync("release");
            }

            foreach (var client in clients)
            {
                await client.WaitForExitAsync(TimeSpan.FromSeconds(15));
                client.Drain(story.Heard);
            }
        }

        /// <summary>Reads the balance, which closes the history, and writes the report.</summary>
        public async Task<LabReport> ReadBalanceAndReportAsync(long first, long second, bool staleRefused, EtcdElectionAct? election)
        {
            await using var final = LabConnections.OpenLedger(store, database);
            history.Invoke(LabHistory.Reader, "read", null);
            long balance = await final.BalanceAsync(cancellationToken);
            history.Ok(LabHistory.Reader, balance);
            return new LabReport
            {
                Store = store,
                Coordinator = coordinator,
                EtcdNodes = Etcd is null ? 0 : options.EtcdNodes,
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

        /// <summary>Stops every process the lab started (clients first, then the servers) and deletes the temporary folder; also on failure or cancellation.</summary>
        public async Task StopEverythingAsync()
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }

            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }

            if (Etcd is not null)
            {
                await Etcd.DisposeAsync();
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

        /// <summary>Starts a client process, which takes the lease and is then ready for the lab's commands.</summary>
        /// <returns>The client and the fencing token its lease came with.</returns>
        private async Task<(LabProcess Client, long Token)> StartHolderAsync(string name, string reach)
        {
            var client = LabProcess.Start(options.ClientProgram.File, [.. options.ClientProgram.Arguments,
                "--name", name, "--store", store, "--database", database, "--coordinator", coordinator, "--address", reach,
                "--ttl", options.Ttl.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--amount", Withdrawal.ToString(CultureInfo.InvariantCulture)]);
            clients.Add(client);
            pids.Add(client.Pid);
            long token = (await client.WaitForAsync("acquired", StepLimit, story.Heard, cancellationToken)).Token ?? 0;
            await client.WaitForAsync("ready", StepLimit, story.Heard, cancellationToken);
            return (client, token);
        }

        // The lab asks for every withdrawal, so it stamps the invocation before the client can act on it.
        private async Task<ClientLine> WithdrawAsync(LabProcess client, string name)
        {
            history.Invoke(name, "withdraw", Withdrawal);
            await client.SendAsync("write");
            var wrote = await client.WaitForAsync("wrote", StepLimit, story.Heard, cancellationToken);
            history.Withdrew(name, Withdrawal, wrote.Accepted == true, wrote.Detail ?? "");
            await client.WaitForAsync("ready", StepLimit, story.Heard, cancellationToken);
            return wrote;
        }
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
