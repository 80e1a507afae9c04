using System.Diagnostics;
using Course.Cli;

namespace Course.Cli.Tests;

/// <summary>Runs the course command in this process, or as a separate process like a learner would.</summary>
public static class CourseRunner
{
    public static (int Code, string Out, string Err) InProcess(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CourseApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>dotnet course.dll</c> from the test's output folder.</summary>
    public static (int Code, string Out, string Err) Process(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "course.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"course {string.Join(' ', args)} did not finish in 60 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
