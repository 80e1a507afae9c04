using System.Diagnostics;
using System.Text.Json;

namespace Playground.Tests;

/// <summary>The <c>course</c> program built beside these tests (lib/Course.Cli), run as a learner runs it.</summary>
public static class Course
{
    /// <summary>The path of course.dll, in the same configuration as this test assembly.</summary>
    public static string Dll
    {
        get
        {
            // AppContext.BaseDirectory is tests/Playground.Tests/bin/<Configuration>/net10.0/.
            var net = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = net.Parent!.Name;
            string root = net.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "lib", "Course.Cli", "bin", configuration, net.Name, "course.dll");
        }
    }

    /// <summary>Starts <c>dotnet course.dll</c> with <paramref name="args"/>, output redirected.</summary>
    /// <param name="args">The arguments after <c>course</c>.</param>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs <c>course</c> to the end.</summary>
    /// <param name="args">The arguments after <c>course</c>.</param>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"course {string.Join(' ', args)} did not finish in 120 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs <c>course</c> to the end and parses its JSON output.</summary>
    /// <param name="args">The arguments after <c>course</c>, including <c>--json</c>.</param>
    public static JsonElement Json(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"course {string.Join(' ', args)} did not finish in 120 s");
        }

        Assert.True(process.ExitCode is 0 or 1, $"course {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }
}
