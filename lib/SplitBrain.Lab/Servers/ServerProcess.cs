using System.Diagnostics;

namespace SplitBrain.Lab;

/// <summary>Runs a helper program to the end and returns what it printed, or throws with its output.</summary>
internal static class ServerProcess
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; throws if it fails or outlasts <paramref name="timeout"/>.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var all = arguments.ToArray();
        var (exitCode, output, errors) = await RunToEndAsync(file, all, timeout, cancellationToken);
        string text = output + errors;
        return exitCode == 0 ? text : throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', all)} failed ({exitCode}): {text.Trim()}");
    }

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> to the end, whatever its exit code; throws only if it outlasts <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunToEndAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, await output, await errors);
    }
}
