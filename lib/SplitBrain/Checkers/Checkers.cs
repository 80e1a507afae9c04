namespace SplitBrain;

/// <summary>Every checker of the course, by id.</summary>
public static class Checkers
{
    /// <summary>All checkers.</summary>
    public static readonly IReadOnlyList<IChecker> All =
        [new NoOverdraft(), new OneLeaderPerTerm(), new OneLeaderAtATime(), new NoStaleWrite(), new NoLostAck(), new JobOnce(), new Linearizable()];

    /// <summary>The checker with id <paramref name="id"/>.</summary>
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
