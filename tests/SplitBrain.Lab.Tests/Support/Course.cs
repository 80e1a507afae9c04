using Course.Cli.Commands;
using SplitBrain.Lab;

namespace SplitBrain.Lab.Tests.Support;

/// <summary>Starts the real <c>course</c> program as a child process, as a learner's shell would.</summary>
public static class Course
{
    /// <summary>Starts <c>course ARGS</c>, following its JSON lines.</summary>
    public static LabProcess Start(params string[] args)
    {
        var (file, prefix) = LabCommand.ClientProgram();
        return LabProcess.Start(file, [.. prefix.Take(prefix.Count - 1), .. args]);
    }
}
