using System.Diagnostics;
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

    /// <summary>Runs <c>course ARGS</c> to the end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(TimeSpan limit, params string[] args)
    {
        var (file, prefix) = LabCommand.ClientProgram();
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in prefix.Take(prefix.Count - 1).Concat(args))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"course {string.Join(' ', args)} did not finish within {limit.TotalSeconds:0} s");
        }

        return (process.ExitCode, await output, await errors);
    }
}
