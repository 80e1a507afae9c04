using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;

namespace SplitBrain.Lab;

/// <summary>
/// Leases from a real etcd, through dotnet-etcd. Acquiring is one transaction: "if the key has never been created
/// (its create revision is 0), put it with my lease". The key's create revision is the fencing token: etcd's
/// revision counter rises with every change to the store, so a later grant always has a higher one. The lease's
/// keep-alive stream ends when etcd says the lease has expired (time to live 0): the holder's "I lost it" signal.
/// </summary>
public sealed class EtcdLeaseCoordinator : ILeaseCoordinator
{
    /// <summary>The shortest time to live etcd honours in practice; shorter ones behave like this.</summary>
    public static readonly TimeSpan MinimumTtl = TimeSpan.FromSeconds(2);

    private readonly EtcdClient client;
    private readonly string key;

    /// <summary>Connects to etcd.</summary>
    /// <param name="endpoints">Client URLs, comma-separated: <c>http://127.0.0.1:2379,http://127.0.0.1:2381</c>.</param>
    /// <param name="ttl">The lease's time to live; whole seconds, at least <see cref="MinimumTtl"/>.</param>
    /// <param name="key">The key that stands for the leadership.</param>
    public EtcdLeaseCoordinator(string endpoints, TimeSpan ttl, string key = "/lab/leader")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (ttl < MinimumTtl || ttl.TotalSeconds != Math.Floor(ttl.TotalSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, $"etcd leases last whole seconds, at least {MinimumTtl.TotalSeconds:0} s.");
        }

        Endpoints = endpoints;
        Ttl = ttl;
        this.key = key;
        client = new EtcdClient(endpoints);
    }

    /// <summary>The client URLs this coordinator talks to.</summary>
    public string Endpoints { get; }

    /// <inheritdoc />
    public string Name => "etcd";

    /// <inheritdoc />
    public TimeSpan Ttl { get; }

    /// <inheritdoc />
    public async Task<HeldLease?> TryAcquireAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        var grant = await client.LeaseGrantAsync(new LeaseGrantRequest { TTL = (long)Ttl.TotalSeconds }, cancellationToken: cancellationToken);
        var name = ByteString.CopyFromUtf8(key);
        var acquire = new TxnRequest();
        acquire.Compare.Add(new Compare { Key = name, Target = Compare.Types.CompareTarget.Create, Result = Compare.Types.CompareResult.Equal, CreateRevision = 0 });
        acquire.Success.Add(new RequestOp { RequestPut = new PutRequest { Key = name, Value = ByteString.CopyFromUtf8(holder), Lease = grant.ID } });
        acquire.Success.Add(new RequestOp { RequestRange = new RangeRequest { Key = name } });
        var answer = await client.TransactionAsync(acquire, cancellationToken: cancellationToken);
        if (!answer.Succeeded)
        {
            await client.LeaseRevokeAsync(new LeaseRevokeRequest { ID = grant.ID }, cancellationToken: cancellationToken);
            return null;
        }

        var token = new FencingToken(answer.Responses[1].ResponseRange.Kvs[0].CreateRevision);
        var stop = new CancellationTokenSource();
        var lost = KeepAlive(grant.ID, stop.Token);
        return new HeldLease(holder, token, lost, async () =>
        {
            await stop.CancelAsync();
            try
            {
                await client.LeaseRevokeAsync(new LeaseRevokeRequest { ID = grant.ID }, deadline: DateTime.UtcNow.AddSeconds(5));
            }
            catch (Grpc.Core.RpcException)
            {
                // Expired already, or etcd is gone: either way the lease ends.
            }

            stop.Dispose();
        });
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task KeepAlive(long leaseId, CancellationToken stop) => Task.Run(async () =>
    {
        try
        {
            await client.LeaseKeepAlive(leaseId, stop);
        }
        catch (Exception error) when (error is OperationCanceledException or Grpc.Core.RpcException or IOException)
        {
            // Released, or etcd cannot be reached: the holder must assume the lease is gone.
        }
    });
}
