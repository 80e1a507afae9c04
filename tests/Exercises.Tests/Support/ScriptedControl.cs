namespace Course.Exercises.Graded;

/// <summary>A fencing device that answers from a script, and a log of every action in order.</summary>
internal sealed class ScriptedControl(params FenceOutcome[] answers) : IClusterControl
{
    private int asked;

    /// <summary>Every action taken, in order: <c>power-off A</c>, <c>promote B</c>.</summary>
    public List<string> Log { get; } = [];

    /// <inheritdoc />
    public FenceOutcome PowerOff(string node)
    {
        Log.Add($"power-off {node}");
        var answer = asked < answers.Length ? answers[asked] : FenceOutcome.TimedOut;
        asked++;
        return answer;
    }

    /// <inheritdoc />
    public void Promote(string node) => Log.Add($"promote {node}");
}
