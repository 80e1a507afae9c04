using System.Globalization;
using System.Net.Sockets;

namespace SplitBrain.Lab;

/// <summary>
/// Reaches an <see cref="EmbeddedLeaseServer"/> from another process: the embedded coordinator as a lab client
/// sees it. Same interface as <see cref="EtcdLeaseCoordinator"/>, so the client code does not know which it has.
/// </summary>
public sealed class EmbeddedLeaseClient : ILeaseCoordinator
{
    private readonly string host;
    private readonly int port;

    /// <summary>Makes a client of the server at <paramref name="address"/>.</summary>
    /// <param name="address"><c>127.0.0.1:PORT</c>, as <see cref="EmbeddedLeaseServer.Address"/> gives it.</param>
    /// <param name="ttl">The service's time to live, so the keep-alive renews in time.</param>
    public EmbeddedLeaseClient(string address, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        int colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            throw new ArgumentException($"'{address}' is not HOST:PORT.", nameof(address));
        }

        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A lease lasts more than zero seconds.");
        }

        host = address[..colon];
        Ttl = ttl;
    }

    /// <inheritdoc />
    public string Name => "embedded";

    /// <inheritdoc />
    public TimeSpan Ttl { get; }

    /// <inheritdoc />
    public async Task<HeldLease?> TryAcquireAsync(string holder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        string[] answer = (await AskAsync($"grant {holder}", cancellationToken)).Split(' ');
        if (answer is not ["granted", var token, var id])
        {
            return null;
        }

        var stop = new CancellationTokenSource();
        var lost = KeepAliveLoop.Run(Ttl, async ct => await AskAsync($"keepalive {id}", ct) == "ok", stop.Token);
        return new HeldLease(holder, new FencingToken(long.Parse(token, CultureInfo.InvariantCulture)), lost, async () =>
        {
            await stop.CancelAsync();
            try
            {
                await AskAsync($"release {id}", CancellationToken.None);
            }
            catch (Exception error) when (error is IOException or SocketException)
            {
                // The service is gone; the lease will expire there anyway.
            }

            stop.Dispose();
        });
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string> AskAsync(string request, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, cancellationToken);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream);
        await using var writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
        await writer.WriteLineAsync(request.AsMemory(), cancellationToken);
        return await reader.ReadLineAsync(cancellationToken) ?? "";
    }
}
