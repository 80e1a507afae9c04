using SplitBrain.Lab;

namespace SplitBrain.Lab.Tests.Support;

/// <summary>Starts the real <c>course</c> program as a child process, as a learner's shell would.</summary>
public static class Course
{
    /// <summary>Starts <c>course ARGS</c>, following its JSON lines.</summary>
    public static LabProcess Start(params string[] args)
    {
        var (file, prefix) = CourseClient.Program();
        return LabProcess.Start(file, [.. prefix.Take(prefix.Count - 1), .. args]);
    }
}

/// <summary>How the lab starts its clients in these tests: the built <c>course</c> with the hidden <c>lab-client</c> verb, through <c>dotnet</c>.</summary>
public static class CourseClient
{
    /// <summary>The program and its arguments, the last being <c>lab-client</c>.</summary>
    public static (string File, IReadOnlyList<string> Arguments) Program()
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return (dotnet, [global::Course.Cli.Tests.CourseRunner.Binary, "lab-client"]);
    }
}
