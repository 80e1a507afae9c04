using System.Net;
using System.Net.Sockets;

namespace SplitBrain.Lab;

/// <summary>Finds loopback ports nobody listens on, so the lab's servers never collide with installed ones.</summary>
public static class FreePorts
{
    /// <summary>Asks the system for <paramref name="count"/> distinct free ports on 127.0.0.1.</summary>
    /// <param name="count">How many; 1 or more.</param>
    public static int[] Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
