namespace SplitBrain;

/// <summary>An invariant checked over a finished run.</summary>
public interface IChecker
{
    /// <summary>A stable id, like <c>no-overdraft</c>, used in reports and in JSON.</summary>
    string Id { get; }

    /// <summary>What the invariant says, in one sentence.</summary>
    string Description { get; }

    /// <summary>The ways the run broke the invariant; empty if it held.</summary>
    /// <param name="facts">The finished run.</param>
    IEnumerable<Violation> Check(RunFacts facts);
}
