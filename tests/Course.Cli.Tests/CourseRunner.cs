using System.Diagnostics;

namespace Course.Cli.Tests;

/// <summary>
/// Runs the <c>course</c> command as a learner does: the built binary, in its own process. Each test project that
/// runs it links this file and only asks for it to be built (ReferenceOutputAssembly="false"); it never calls the executable's types.
/// </summary>
public static class CourseRunner
{
    /// <summary>The exit code for bad input, as the course documents it.</summary>
    public const int BadInput = 2;

    /// <summary>course.dll in lib/Course.Cli's output folder, built in the same configuration as these tests.</summary>
    public static string Binary { get; } = Find();

    /// <summary>Runs <c>course</c> with <paramref name="args"/> and returns its exit code, stdout and stderr.</summary>
    /// <param name="args">The arguments after <c>course</c>.</param>
    public static (int Code, string Out, string Err) Run(params string[] args) => RunIn(null, args);

    /// <summary>Runs <c>course</c> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">The folder to run in; null for the test's own.</param>
    /// <param name="args">The arguments after <c>course</c>.</param>
    public static (int Code, string Out, string Err) RunIn(string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(Binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Not a speed limit: a guard so that a hung command fails the test instead of the whole run.
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"course {string.Join(' ', args)} did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Find()
    {
        // The tests run from tests/Course.Cli.Tests/bin/<Configuration>/<tfm>/: the binary sits in the same place under lib/Course.Cli.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = here.Name;
        string configuration = here.Parent!.Name;
        string binary = Path.Combine(RepositoryRoot(here), "lib", "Course.Cli", "bin", configuration, framework, "course.dll");
        return File.Exists(binary)
            ? binary
            : throw new FileNotFoundException($"Build the course first: dotnet build lib/Course.Cli (looked for {binary}).");
    }

    private static string RepositoryRoot(DirectoryInfo start)
    {
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "course.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("These tests run from inside the course repository.");
    }
}
