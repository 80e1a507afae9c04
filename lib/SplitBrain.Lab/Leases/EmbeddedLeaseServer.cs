using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SplitBrain.Lab;

/// <summary>
/// Lends an <see cref="EmbeddedLeaseService"/> to the lab's client processes over TCP on 127.0.0.1. One request per
/// connection, one line each way: <c>grant HOLDER</c> → <c>granted TOKEN LEASEID</c> or <c>held</c>;
/// <c>keepalive LEASEID</c> → <c>ok</c> or <c>gone</c>; <c>release LEASEID</c> → <c>ok</c>.
/// </summary>
public sealed class EmbeddedLeaseServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    /// <summary>Starts serving <paramref name="service"/> on a free loopback port.</summary>
    /// <param name="service">The lease service to lend.</param>
    public EmbeddedLeaseServer(EmbeddedLeaseService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        Service = service;
        listener.Start();
        Address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        serving = Task.Run(ServeAsync);
    }

    /// <summary>The service lent.</summary>
    public EmbeddedLeaseService Service { get; }

    /// <summary>Where clients connect: <c>127.0.0.1:PORT</c>.</summary>
    public string Address { get; }

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream);
                await using var writer = new StreamWriter(stream) { AutoFlush = true, NewLine = "\n" };
                string[] words = ((await reader.ReadLineAsync(stop.Token)) ?? "").Split(' ', 2);
                string answer = words switch
                {
                    ["grant", var holder] => Service.Grant(holder) is { } g ? $"granted {g.Token.Value} {g.LeaseId}" : "held",
                    ["keepalive", var id] => Service.KeepAlive(long.Parse(id, CultureInfo.InvariantCulture)) ? "ok" : "gone",
                    ["release", var id] => Release(id),
                    _ => "error unknown request",
                };
                await writer.WriteLineAsync(answer);
            }
            catch (Exception error) when (error is IOException or FormatException or OperationCanceledException or ArgumentException)
            {
                // A bad or broken request affects only its own connection.
            }
        }
    }

    private string Release(string id)
    {
        Service.Release(long.Parse(id, CultureInfo.InvariantCulture));
        return "ok";
    }
}
