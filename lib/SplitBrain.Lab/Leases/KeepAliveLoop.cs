namespace SplitBrain.Lab;

/// <summary>Renews a lease a few times per time to live until a renewal is refused or the holder lets go.</summary>
internal static class KeepAliveLoop
{
    /// <summary>How many renewals per time to live.</summary>
    public const int RenewalsPerTtl = 4;

    /// <summary>Runs the loop; the returned task completes when the lease is no longer held.</summary>
    /// <param name="ttl">The lease's time to live.</param>
    /// <param name="renew">Asks the service to extend the lease; false when it is gone.</param>
    /// <param name="stop">Cancelled when the holder releases the lease.</param>
    public static Task Run(TimeSpan ttl, Func<CancellationToken, Task<bool>> renew, CancellationToken stop) => Task.Run(async () =>
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(ttl / RenewalsPerTtl, stop);
                if (!await renew(stop))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Released: the lease is no longer held either.
        }
        catch (IOException)
        {
            // The service cannot be reached: the holder must assume the lease is gone.
        }
        catch (System.Net.Sockets.SocketException)
        {
            // As above.
        }
    });
}
