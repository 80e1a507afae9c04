using System.Globalization;

namespace SplitBrain.Lab;

/// <summary>
/// A throwaway PostgreSQL server for the lab: a fresh cluster in a temporary folder, listening on 127.0.0.1 at a
/// port of its own (never the installed server's 5432), with its socket in that folder too. Started with
/// <c>initdb</c> and <c>pg_ctl</c>; as root, both run as the <c>postgres</c> user, because PostgreSQL refuses root.
/// Disposing stops the server and deletes the folder.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly string bin;
    private readonly string dataDir;
    private bool stopped;

    private PostgresServer(string bin, string folder, int port)
    {
        this.bin = bin;
        Folder = folder;
        dataDir = Path.Combine(folder, "data");
        Port = port;
    }

    /// <summary>The server's folder: its data and its socket.</summary>
    public string Folder { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The postmaster's process id, once started.</summary>
    public int? Pid { get; private set; }

    /// <summary>How to reach it with Npgsql.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=15;Command Timeout=60";

    /// <summary>Creates and starts a server in a new folder under <paramref name="parent"/>.</summary>
    /// <param name="parent">Where to put the server's folder; it must exist.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed or would not start; the message says why.</exception>
    public static async Task<PostgresServer> StartAsync(string parent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parent);
        if (ServerBinaries.PostgresMissing is { } missing || ServerBinaries.PostgresBin is not { } bin)
        {
            throw new InvalidOperationException(ServerBinaries.PostgresMissing ?? "PostgreSQL is not installed.");
        }

        for (int attempt = 1; ; attempt++)
        {
            string folder = Path.Combine(parent, "postgres");
            Directory.CreateDirectory(folder);
            var server = new PostgresServer(bin, folder, FreePorts.Take(1)[0]);
            try
            {
                await server.StartAsync(cancellationToken);
                return server;
            }
            catch (Exception error) when (error is InvalidOperationException && attempt < StartAttempts)
            {
                // Most likely the free port was taken between finding it and binding it: try a new one.
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// Crashes the server and starts it again on the same port and data: <c>pg_ctl stop -m immediate</c> ends every
    /// server process without a checkpoint, as a power cut would, so the restart recovers from the write-ahead log.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    public async Task CrashAndRestartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(stopped, this);
        await ServerProcess.RunAsync(AsPostgres(out var stop, Path.Combine(bin, "pg_ctl"), "-D", dataDir, "-m", "immediate", "-w", "-t", "30", "stop"), stop, StartLimit, cancellationToken);
        await StartServerAsync(cancellationToken);
    }

    /// <summary>Stops the server at once (no checkpoint needed: the cluster is thrown away) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        if ((Pid ?? PidOnDisk()) is { } pid && Signals.IsAlive(pid))
        {
            try
            {
                await ServerProcess.RunAsync(AsPostgres(out var args, Path.Combine(bin, "pg_ctl"), "-D", dataDir, "-m", "immediate", "-w", "-t", "30", "stop"), args, TimeSpan.FromSeconds(40), CancellationToken.None);
            }
            catch (Exception error) when (error is InvalidOperationException or TimeoutException)
            {
                // Fall through to the kill below.
            }

            if (Signals.IsAlive(pid))
            {
                Signals.Kill(pid);
            }
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

    // The postmaster's id from its pid file, for a server whose start was cut short.
    private int? PidOnDisk()
    {
        try
        {
            string path = Path.Combine(dataDir, "postmaster.pid");
            return File.Exists(path) && int.TryParse(File.ReadLines(path).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRoot && !OperatingSystem.IsWindows())
        {
            // The postgres user must be able to reach and own the folder.
            for (string? dir = Folder; dir is not null && dir != "/" && dir != Path.GetTempPath().TrimEnd('/'); dir = Path.GetDirectoryName(dir))
            {
                File.SetUnixFileMode(dir, File.GetUnixFileMode(dir) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
            }

            await ServerProcess.RunAsync("chown", ["postgres:postgres", Folder], TimeSpan.FromSeconds(10), cancellationToken);
        }

        await ServerProcess.RunAsync(AsPostgres(out var init, Path.Combine(bin, "initdb"), "-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"), init, StartLimit, cancellationToken);
        await StartServerAsync(cancellationToken);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        string options = $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={Folder} -c fsync=on";
        await ServerProcess.RunAsync(AsPostgres(out var start, Path.Combine(bin, "pg_ctl"), "-D", dataDir, "-l", Path.Combine(Folder, "server.log"), "-o", options, "-w", "-t", "60", "start"), start, StartLimit, cancellationToken);
        string pidLine = (await File.ReadAllLinesAsync(Path.Combine(dataDir, "postmaster.pid"), cancellationToken))[0];
        Pid = int.Parse(pidLine, CultureInfo.InvariantCulture);
    }

    // As root, runs the program as the postgres user: runuser -u postgres -- PROGRAM ARGS.
    private static string AsPostgres(out string[] arguments, string program, params string[] args)
    {
        if (!IsRoot)
        {
            arguments = args;
            return program;
        }

        arguments = ["-u", "postgres", "--", program, .. args];
        return ServerBinaries.OnPath("runuser") ?? "runuser";
    }
}
