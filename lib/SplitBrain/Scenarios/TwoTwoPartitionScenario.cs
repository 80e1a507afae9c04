namespace SplitBrain;

/// <summary>
/// two-two-partition: 4 nodes split 2-2. A majority is 3, which neither side has: no leader and no write anywhere while the split lasts. With a quorum of 2 both sides elect, and both pay.
/// </summary>
public sealed class TwoTwoPartitionScenario : QuorumScenario
{
    /// <inheritdoc />
    public override string Name => "two-two-partition";

    /// <inheritdoc />
    public override string Summary => "4 nodes split 2-2: no side has a majority, so nobody writes; with a quorum of 2, two leaders";

    /// <inheritdoc />
    protected override IReadOnlyList<string> Servers => ["A", "B", "C", "D"];

    /// <inheritdoc />
    protected override IReadOnlyList<IReadOnlyList<string>> Sides => [["A", "B"], ["C", "D"]];

    /// <inheritdoc />
    protected override int UnsafeQuorum => 2;
}
