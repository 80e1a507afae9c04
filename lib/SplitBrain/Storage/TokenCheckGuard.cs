namespace SplitBrain;

/// <summary>
/// Your own token check as a store's guard: the "swap in your own guard" of the lessons and the graded tests.
/// You write the rule (accept a token or refuse it, and remember what you accepted); this guard puts it in
/// front of a simulated store, so the store asks your rule about every write that carries a token. A write
/// without a token is refused before your rule is asked.
/// </summary>
/// <remarks>
/// Your rule keeps what it remembers in memory, and a store's restart builds a fresh one. Given the store's
/// <see cref="DurableState"/>, this guard keeps the highest token on that disk for you and hands it back to the
/// fresh rule when it is built, so a crash of the store tests your rule, not its durability (that is exercise 3).
/// What goes on the disk is what your rule says it remembers (<c>highest</c>), or, if you do not say, the
/// highest token it admitted.
/// </remarks>
public sealed class TokenCheckGuard : StorageGuard
{
    private const string HighestKey = "your-guard/highest";
    private readonly Func<FencingToken, bool> tryAccept;
    private readonly Func<FencingToken?>? highest;
    private readonly DurableState? disk;
    private FencingToken? highestAdmitted;

    /// <summary>Puts <paramref name="tryAccept"/> in front of a store; with a <paramref name="disk"/>, feeds it the highest token kept there.</summary>
    /// <param name="name">What the trace and the story call the guard: <c>your FencingGuard</c>.</param>
    /// <param name="tryAccept">Your rule: true to accept the write with this token, false to refuse it. It must remember what it accepts.</param>
    /// <param name="disk">The store's durable state, to keep the highest token across restarts; null to keep nothing.</param>
    /// <param name="highest">What your rule remembers as the highest token (like <c>FencingGuard.Highest</c>), kept on the disk after each admitted write; null to keep the highest token admitted.</param>
    public TokenCheckGuard(string name, Func<FencingToken, bool> tryAccept, DurableState? disk = null, Func<FencingToken?>? highest = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(tryAccept);
        Name = name;
        this.tryAccept = tryAccept;
        this.highest = highest;
        this.disk = disk;
        if (disk is not null && disk.Contains(HighestKey))
        {
            // The store restarted: tell the fresh rule the highest token it had accepted before.
            var kept = new FencingToken(disk.Get(HighestKey, 0L));
            highestAdmitted = kept;
            tryAccept(kept);
        }
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>
    /// The highest token this guard knows of: what your rule says it remembers, if you said how to ask it,
    /// or else the highest token admitted (including one handed back from the disk after a restart).
    /// </summary>
    public FencingToken? Highest => highest is null ? highestAdmitted : highest();

    /// <inheritdoc />
    public override bool TryAdmit(FencingToken? token, out string reason)
    {
        if (token is not { } offered)
        {
            reason = "refused: the write carries no fencing token";
            return false;
        }

        if (!tryAccept(offered))
        {
            reason = $"refused by {Name}: {offered}, highest seen {Highest?.ToString() ?? "none"}";
            return false;
        }

        if (highestAdmitted is not { } known || offered > known)
        {
            highestAdmitted = offered;
        }

        if (disk is not null && Highest is { } remembered)
        {
            disk.Set(HighestKey, remembered.Value);
        }

        reason = $"ok ({Name})";
        return true;
    }
}
