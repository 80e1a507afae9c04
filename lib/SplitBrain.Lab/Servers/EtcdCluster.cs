using System.Diagnostics;
using dotnet_etcd;
using Etcdserverpb;

namespace SplitBrain.Lab;

/// <summary>
/// A throwaway etcd cluster of 1 or 3 members on 127.0.0.1, each with its own client and peer ports and its own
/// temporary data folder, started from the installed <c>etcd</c> program. Disposing stops every member (thawing a
/// frozen one first) and deletes the folders. etcd is itself a Raft cluster: its members elect a leader per term,
/// and a write needs a majority, which is what <see cref="FreezeLeaderAsync"/> shows.
/// </summary>
public sealed class EtcdCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private const int StartAttempts = 3;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StatusDeadline = TimeSpan.FromSeconds(1);
    private readonly List<Member> members = [];
    private bool stopped;

    private EtcdCluster(string folder) => Folder = folder;

    /// <summary>The folder that holds every member's data.</summary>
    public string Folder { get; }

    /// <summary>The client URLs of every member, comma-separated, for <see cref="EtcdLeaseCoordinator"/>.</summary>
    public string Endpoints => string.Join(',', members.Select(m => m.ClientUrl));

    /// <summary>The members' names, in order: <c>etcd-1</c>, <c>etcd-2</c>, …</summary>
    public IReadOnlyList<string> Names => members.Select(m => m.Name).ToArray();

    /// <summary>The members' process ids.</summary>
    public IReadOnlyList<int> Pids => members.Select(m => m.Process.Id).ToArray();

    /// <summary>Starts a cluster of <paramref name="size"/> members in a new folder under <paramref name="parent"/> and waits until it has a leader.</summary>
    /// <param name="size">1 or 3.</param>
    /// <param name="parent">Where to put the data folders; it must exist.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="InvalidOperationException">etcd is not installed or would not start; the message says why.</exception>
    public static async Task<EtcdCluster> StartAsync(int size, string parent, CancellationToken cancellationToken = default)
    {
        if (size is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The lab runs etcd with 1 or 3 members.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(parent);
        string etcd = ServerBinaries.Etcd ?? throw new InvalidOperationException(ServerBinaries.EtcdMissing);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(etcd, size, parent, cancellationToken);
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Most likely a free port was taken by another program between finding it and binding it: try new ones.
            }
        }
    }

    private static async Task<EtcdCluster> TryStartAsync(string etcd, int size, string parent, CancellationToken cancellationToken)
    {
        var cluster = new EtcdCluster(Path.Combine(parent, "etcd"));
        try
        {
            int[] ports = FreePorts.Take(2 * size);
            var names = Enumerable.Range(1, size).Select(i => $"etcd-{i}").ToArray();
            string initial = string.Join(',', names.Select((n, i) => $"{n}=http://127.0.0.1:{ports[(2 * i) + 1]}"));
            string token = $"lab-{Environment.ProcessId}-{Guid.NewGuid():N}";
            for (int i = 0; i < size; i++)
            {
                cluster.members.Add(Member.Start(etcd, names[i], Path.Combine(cluster.Folder, names[i]), ports[2 * i], ports[(2 * i) + 1], initial, token));
            }

            await cluster.WaitForLeaderAsync(cluster.members, StartLimit, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Asks every member that answers within a second for its status.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    public Task<EtcdMemberStatus[]> StatusAsync(CancellationToken cancellationToken = default) => StatusOfAsync(members, cancellationToken);

    /// <summary>
    /// Freezes the current leader with SIGSTOP and waits until the other members elect a new one in a higher term.
    /// </summary>
    /// <param name="limit">How long to wait for the new leader.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The status before, the frozen member, and the status of the others after the election.</returns>
    public async Task<(EtcdMemberStatus Before, string Frozen, EtcdMemberStatus After)> FreezeLeaderAsync(TimeSpan limit, CancellationToken cancellationToken = default)
    {
        if (members.Count < 3)
        {
            throw new InvalidOperationException("Only a cluster of 3 can lose its leader and elect another.");
        }

        var before = (await StatusAsync(cancellationToken)).First(s => s.IsLeader);
        var leader = members.Single(m => m.Name == before.Name);
        Signals.Freeze(leader.Process.Id);
        leader.Frozen = true;
        var others = members.Where(m => m != leader).ToList();
        var after = await WaitForLeaderAsync(others, limit, cancellationToken, s => s.RaftTerm > before.RaftTerm && s.Leader != before.MemberId);
        return (before, leader.Name, after);
    }

    /// <summary>The client URLs of the members that are not frozen.</summary>
    public string LiveEndpoints => string.Join(',', members.Where(m => !m.Frozen).Select(m => m.ClientUrl));

    /// <summary>Thaws every frozen member (SIGCONT): it rejoins as a follower of the new term.</summary>
    public void ThawAll()
    {
        foreach (var member in members.Where(m => m.Frozen))
        {
            Signals.Thaw(member.Process.Id);
            member.Frozen = false;
        }
    }

    /// <summary>Stops every member and deletes the data.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        foreach (var member in members)
        {
            try
            {
                if (!member.Process.HasExited)
                {
                    if (member.Frozen)
                    {
                        Signals.Thaw(member.Process.Id);
                    }

                    member.Process.Kill(entireProcessTree: true);
                    await member.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
                }
            }
            catch (Exception error) when (error is InvalidOperationException or OperationCanceledException)
            {
                // Already gone.
            }

            member.Process.Dispose();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private async Task<EtcdMemberStatus> WaitForLeaderAsync(IReadOnlyList<Member> asked, TimeSpan limit, CancellationToken cancellationToken, Func<EtcdMemberStatus, bool>? also = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (asked.FirstOrDefault(m => m.Process.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"etcd member {dead.Name} exited ({dead.Process.ExitCode}): {dead.Errors.ToString().Trim()}");
            }

            var status = await StatusOfAsync(asked, cancellationToken);
            if (status.Length == asked.Count && status.Select(s => s.Leader).Distinct().Count() == 1 && status[0].Leader != 0 && (also is null || also(status[0])))
            {
                return status.FirstOrDefault(s => s.IsLeader) ?? status[0];
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"etcd had no agreed leader within {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    private static async Task<EtcdMemberStatus[]> StatusOfAsync(IEnumerable<Member> asked, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(asked.Select(async m =>
        {
            try
            {
                using var client = new EtcdClient(m.ClientUrl);
                var status = await client.StatusAsync(new StatusRequest(), deadline: DateTime.UtcNow + StatusDeadline, cancellationToken: cancellationToken);
                return new EtcdMemberStatus(m.Name, status.Header.MemberId, status.Leader, status.RaftTerm);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not answering (yet, or any more): this member says nothing.
                return null;
            }
        }));
        return answers.OfType<EtcdMemberStatus>().ToArray();
    }

    private sealed class Member
    {
        public required string Name { get; init; }

        public required string ClientUrl { get; init; }

        public required Process Process { get; init; }

        public System.Text.StringBuilder Errors { get; } = new();

        public bool Frozen { get; set; }

        public static Member Start(string etcd, string name, string dataDir, int clientPort, int peerPort, string initialCluster, string clusterToken)
        {
            Directory.CreateDirectory(dataDir);
            string client = $"http://127.0.0.1:{clientPort}";
            string peer = $"http://127.0.0.1:{peerPort}";
            var start = new ProcessStartInfo(etcd) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in new[]
            {
                "--name", name, "--data-dir", dataDir,
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", initialCluster, "--initial-cluster-state", "new", "--initial-cluster-token", clusterToken,
                "--logger", "zap", "--log-level", "error",
            })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {etcd}.");
            var member = new Member { Name = name, ClientUrl = client, Process = process };
            process.ErrorDataReceived += (_, line) => { if (line.Data is { } text && member.Errors.Length < 4000) { member.Errors.AppendLine(text); } };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            return member;
        }
    }
}
