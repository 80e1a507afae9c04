using SplitBrain.Lab;

namespace SplitBrain.Lab.Tests.Support;

/// <summary>
/// Whether this machine can run the real servers, found out once per test run by starting each one on loopback
/// and stopping it again. A reason is given for a server that is missing or would not start.
/// </summary>
public static class Servers
{
    private static readonly Lazy<string?> Postgres = new(() => Probe(async folder => await (await PostgresServer.StartAsync(folder)).DisposeAsync(), ServerBinaries.PostgresMissing));
    private static readonly Lazy<string?> Etcd = new(() => Probe(async folder => await (await EtcdCluster.StartAsync(1, folder)).DisposeAsync(), ServerBinaries.EtcdMissing));

    /// <summary>Why PostgreSQL cannot be used here, or null.</summary>
    public static string? PostgresProblem => Postgres.Value;

    /// <summary>Why etcd cannot be used here, or null.</summary>
    public static string? EtcdProblem => Etcd.Value;

    private static string? Probe(Func<string, Task> startAndStop, string? missing)
    {
        if (missing is not null)
        {
            return missing;
        }

        var folder = Directory.CreateTempSubdirectory("splitbrain-lab-probe-");
        try
        {
            startAndStop(folder.FullName).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or TimeoutException or IOException)
        {
            return $"the server would not start here: {error.Message}";
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Left behind in the temp folder.
            }
        }
    }
}
