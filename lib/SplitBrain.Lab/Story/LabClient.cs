namespace SplitBrain.Lab;

/// <summary>
/// What a lab client process does: it takes the lease, then waits for commands on its standard input: <c>write</c>
/// (withdraw with its token, without asking whether the lease is still held: the production bug the guard must
/// catch) or <c>release</c>. The lab sends every <c>write</c>, so it knows when each withdrawal was asked for. It reports every step as a
/// <see cref="ClientLine"/>. The lab freezes it with SIGSTOP while it waits.
/// </summary>
public static class LabClient
{
    /// <summary>How long a client keeps asking for a lease another holds.</summary>
    public static readonly TimeSpan AcquireLimit = TimeSpan.FromSeconds(60);

    /// <summary>How often it asks.</summary>
    public static readonly TimeSpan AcquireEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs one client to the end.</summary>
    /// <param name="options">Where the store and the coordinator are.</param>
    /// <param name="input">Commands, one per line.</param>
    /// <param name="output">Where the client's lines go.</param>
    /// <param name="cancellationToken">Stops the client.</param>
    /// <returns>0 when released normally.</returns>
    public static async Task<int> RunAsync(LabClientOptions options, TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var gate = new Lock();
        void Say(ClientLine line)
        {
            lock (gate)
            {
                output.WriteLine(line.ToJson());
                output.Flush();
            }
        }

        await using var ledger = LabConnections.OpenLedger(options.Store, options.Database);
        await using var coordinator = LabConnections.Connect(options.Coordinator, options.Address, options.Ttl);
        var lease = await AcquireAsync(coordinator, options.Name, cancellationToken);
        Say(new ClientLine("acquired", options.Name, lease.Token.Value));
        bool releasing = false;
        _ = lease.Lost.ContinueWith(
            _ =>
            {
                if (!Volatile.Read(ref releasing))
                {
                    Say(new ClientLine("lost", options.Name, lease.Token.Value, Detail: "the keep-alive found the lease gone"));
                }
            },
            TaskScheduler.Default);

        async Task WriteAsync()
        {
            var verdict = await ledger.WithdrawAsync(options.Name, lease.Token, options.Amount, cancellationToken);
            Say(new ClientLine("wrote", options.Name, lease.Token.Value, verdict.Accepted, verdict.Balance, verdict.Reason));
        }

        while (true)
        {
            Say(new ClientLine("ready", options.Name, lease.Token.Value));
            string? command = await input.ReadLineAsync(cancellationToken);
            if (command?.Trim() == "write")
            {
                await WriteAsync();
                continue;
            }

            break;
        }

        Volatile.Write(ref releasing, true);
        await lease.DisposeAsync();
        Say(new ClientLine("released", options.Name, lease.Token.Value));
        return 0;
    }

    private static async Task<HeldLease> AcquireAsync(ILeaseCoordinator coordinator, string name, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + AcquireLimit;
        while (true)
        {
            if (await coordinator.TryAcquireAsync(name, cancellationToken) is { } lease)
            {
                return lease;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{name} could not get the lease within {AcquireLimit.TotalSeconds:0} s.");
            }

            await Task.Delay(AcquireEvery, cancellationToken);
        }
    }
}
