namespace SplitBrain.Lab;

/// <summary>
/// Finds the server programs the lab can start: etcd (Debian package <c>etcd-server</c>) and PostgreSQL
/// (package <c>postgresql</c>). A missing one is not an error: the lab says what to install and falls back to
/// the embedded choices.
/// </summary>
public static class ServerBinaries
{
    /// <summary>What to install for etcd.</summary>
    public const string EtcdPackages = "etcd-server etcd-client";

    /// <summary>What to install for PostgreSQL.</summary>
    public const string PostgresPackages = "postgresql";

    /// <summary>
    /// The environment variable that hides installed servers from the lab (<c>etcd</c>, <c>postgres</c>, or both,
    /// comma-separated), to try the fallbacks on a machine that has everything.
    /// </summary>
    public const string HideVariable = "SPLITBRAIN_LAB_HIDE";

    /// <summary>The etcd program, or null if it is not installed (or hidden).</summary>
    public static string? Etcd => Hidden("etcd") ? null : OnPath("etcd");

    /// <summary>
    /// The folder with PostgreSQL's <c>initdb</c> and <c>pg_ctl</c>, the newest of /usr/lib/postgresql/*/bin, or the
    /// folder of <c>initdb</c> on the PATH; null if PostgreSQL is not installed.
    /// </summary>
    public static string? PostgresBin
    {
        get
        {
            if (Hidden("postgres"))
            {
                return null;
            }

            const string debian = "/usr/lib/postgresql";
            if (Directory.Exists(debian))
            {
                var newest = Directory.GetDirectories(debian)
                    .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out int v) ? v : 0))
                    .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                    .OrderByDescending(d => d.Version)
                    .FirstOrDefault();
                if (newest.Dir is not null)
                {
                    return newest.Dir;
                }
            }

            return OnPath("initdb") is { } initdb && OnPath("pg_ctl") is not null ? Path.GetDirectoryName(initdb) : null;
        }
    }

    /// <summary>Why PostgreSQL cannot be started here, or null if it can.</summary>
    public static string? PostgresMissing =>
        PostgresBin is null ? $"PostgreSQL is not installed (sudo apt-get install -y {PostgresPackages})"
        : Environment.UserName == "root" && OnPath("runuser") is null ? "PostgreSQL refuses to run as root, and runuser is missing"
        : null;

    /// <summary>Why etcd cannot be started here, or null if it can.</summary>
    public static string? EtcdMissing => Etcd is null ? $"etcd is not installed (sudo apt-get install -y {EtcdPackages})" : null;

    private static bool Hidden(string server) =>
        (Environment.GetEnvironmentVariable(HideVariable) ?? "").Split(',', StringSplitOptions.TrimEntries).Contains(server);

    /// <summary>The full path of <paramref name="program"/> on the PATH (or in /usr/sbin, /sbin), or null.</summary>
    /// <param name="program">A program name.</param>
    public static string? OnPath(string program)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(program);
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/sbin", "/usr/bin"]);
        return folders.Select(f => Path.Combine(f, program)).FirstOrDefault(File.Exists);
    }
}
