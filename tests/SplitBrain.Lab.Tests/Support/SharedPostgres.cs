using SplitBrain.Lab;

namespace SplitBrain.Lab.Tests.Support;

/// <summary>
/// One PostgreSQL server for a test class, started on loopback when the class starts and stopped when it ends.
/// Tests keep apart by using their own account names. Null <see cref="Server"/> where PostgreSQL cannot run
/// (the tests are skipped there).
/// </summary>
public sealed class SharedPostgres : IAsyncLifetime
{
    private DirectoryInfo? folder;

    public PostgresServer? Server { get; private set; }

    public string ConnectionString => Server?.ConnectionString ?? throw new InvalidOperationException("PostgreSQL is not running.");

    public async Task InitializeAsync()
    {
        if (Servers.PostgresProblem is not null)
        {
            return;
        }

        folder = Directory.CreateTempSubdirectory("splitbrain-lab-tests-");
        Server = await PostgresServer.StartAsync(folder.FullName);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        folder?.Delete(recursive: true);
    }
}
