namespace SplitBrain.Lab.Tests.Support;

/// <summary>A test that needs PostgreSQL; skipped, with the reason, where it is missing or will not start.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Servers.PostgresProblem is { } problem)
        {
            Skip = $"needs PostgreSQL: {problem}";
        }
    }
}

/// <summary>A test that needs etcd; skipped, with the reason, where it is missing or will not start.</summary>
public sealed class EtcdFactAttribute : FactAttribute
{
    public EtcdFactAttribute()
    {
        if (Servers.EtcdProblem is { } problem)
        {
            Skip = $"needs etcd: {problem}";
        }
    }
}

/// <summary>A test that needs etcd and PostgreSQL; skipped, with the reason, where either is missing or will not start.</summary>
public sealed class EtcdAndPostgresFactAttribute : FactAttribute
{
    public EtcdAndPostgresFactAttribute()
    {
        string?[] problems = [Servers.EtcdProblem is { } e ? $"etcd: {e}" : null, Servers.PostgresProblem is { } p ? $"PostgreSQL: {p}" : null];
        if (problems.OfType<string>().ToArray() is { Length: > 0 } found)
        {
            Skip = $"needs {string.Join("; ", found)}";
        }
    }
}
