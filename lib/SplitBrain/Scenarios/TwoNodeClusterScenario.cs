namespace SplitBrain;

/// <summary>
/// two-node-cluster: 2 nodes split 1-1. A majority of 2 is 2: neither node alone can lead, so the bank stops. With a quorum of 1 each node leads its own side: split brain by design.
/// </summary>
public sealed class TwoNodeClusterScenario : QuorumScenario
{
    /// <inheritdoc />
    public override string Name => "two-node-cluster";

    /// <inheritdoc />
    public override string Summary => "2 nodes split 1-1: either nobody can write, or both do: split brain by design";

    /// <inheritdoc />
    protected override IReadOnlyList<string> Servers => ["A", "B"];

    /// <inheritdoc />
    protected override IReadOnlyList<IReadOnlyList<string>> Sides => [["A"], ["B"]];

    /// <inheritdoc />
    protected override int UnsafeQuorum => 1;
}
