namespace SplitBrain;

/// <summary>Every checker of the course: one field per invariant, so code names an invariant by its type, not by a string.</summary>
public static class Checkers
{
    /// <summary><c>no-overdraft</c>: the money paid out never exceeds the opening balance.</summary>
    public static readonly NoOverdraft NoOverdraft = new();

    /// <summary><c>one-leader-per-term</c>: no term has two leaders.</summary>
    public static readonly OneLeaderPerTerm OneLeaderPerTerm = new();

    /// <summary><c>one-leader-at-a-time</c>: never two nodes that believe they lead at the same instant.</summary>
    public static readonly OneLeaderAtATime OneLeaderAtATime = new();

    /// <summary><c>no-stale-write</c>: no store or worker accepts a write from a holder that was superseded.</summary>
    public static readonly NoStaleWrite NoStaleWrite = new();

    /// <summary><c>no-lost-ack</c>: every acknowledged withdrawal is in the final ledger.</summary>
    public static readonly NoLostAck NoLostAck = new();

    /// <summary><c>job-once</c>: no job runs twice.</summary>
    public static readonly JobOnce JobOnce = new();

    /// <summary><c>linearizable</c>: the clients' history fits one order of the operations.</summary>
    public static readonly Linearizable Linearizable = new();

    /// <summary>All checkers.</summary>
    public static readonly IReadOnlyList<IChecker> All = [NoOverdraft, OneLeaderPerTerm, OneLeaderAtATime, NoStaleWrite, NoLostAck, JobOnce, Linearizable];

    /// <summary>The checker with id <paramref name="id"/>, for ids read from a command line or a report.</summary>
    /// <param name="id">A checker id, like <c>no-overdraft</c>.</param>
    /// <exception cref="ArgumentException">No checker has that id.</exception>
    public static IChecker Get(string id)
    {
        foreach (var checker in All)
        {
            if (checker.Id == id)
            {
                return checker;
            }
        }

        throw new ArgumentException($"Unknown checker \"{id}\"; the checkers are {string.Join(", ", All.Select(c => c.Id))}.", nameof(id));
    }
}
