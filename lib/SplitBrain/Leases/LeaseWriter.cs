namespace SplitBrain;

/// <summary>A lease holder whose work is a write to a shared <see cref="FencedStore"/>, stamped with its token.</summary>
/// <param name="settings">How it gets and trusts its lease.</param>
/// <param name="storeName">The store's node name.</param>
public sealed class LeaseWriter(LeaseHolderSettings settings, string storeName) : LeaseHolder(settings)
{
    private int written;

    /// <inheritdoc />
    protected override void Act(FencingToken token) =>
        Send(Simulation[storeName], new WriteValue($"{Id}-{++written}", $"from {Id}", token));
}
