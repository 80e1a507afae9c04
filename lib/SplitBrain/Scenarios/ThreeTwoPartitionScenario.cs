namespace SplitBrain;

/// <summary>
/// three-two-partition: 5 nodes split 3-2, the old leader A on the side of 2. A majority is 3: A steps down, the side of 3 elects and pays, the side of 2 refuses. With a quorum of 2 both sides lead and both pay.
/// </summary>
public sealed class ThreeTwoPartitionScenario : QuorumScenario
{
    /// <inheritdoc />
    public override string Name => "three-two-partition";

    /// <inheritdoc />
    public override string Summary => "5 nodes split 3-2: only the side of 3 elects and writes";

    /// <inheritdoc />
    protected override IReadOnlyList<string> Servers => ["A", "B", "C", "D", "E"];

    /// <inheritdoc />
    protected override IReadOnlyList<IReadOnlyList<string>> Sides => [["A", "B"], ["C", "D", "E"]];

    /// <inheritdoc />
    protected override int UnsafeQuorum => 2;
}
