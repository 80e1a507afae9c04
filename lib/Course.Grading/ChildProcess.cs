using System.Diagnostics;
using System.Text;

namespace Course.Grading;

/// <summary>
/// Starts a child process with its output captured (capped, so a flood costs nothing), and ends it with
/// all its children when asked. Used for the build, the test worker and the notebook kernel runner.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptCharacters = 64_000;
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/>, its input closed, its output captured.</summary>
    /// <param name="file">The program, like <c>dotnet</c>.</param>
    /// <param name="args">Its arguments, each passed as one argument (no shell quoting).</param>
    /// <param name="workingDirectory">The folder it runs in.</param>
    public ChildProcess(string file, IEnumerable<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Its exit code, once it has ended.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>What it wrote to standard output so far (at most 64,000 characters, long lines cut).</summary>
    public string Output
    {
        get
        {
            lock (stdout)
            {
                return stdout.ToString();
            }
        }
    }

    /// <summary>What it wrote to standard error so far (at most 64,000 characters, long lines cut).</summary>
    public string Errors
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end; false if it is still running.</summary>
    /// <param name="timeout">How long to wait.</param>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            return false;
        }

        // Give the output readers a moment to drain, without waiting on grandchildren that keep the pipes open.
        Task.Run(() => process.WaitForExit()).Wait(TimeSpan.FromSeconds(2));
        return true;
    }

    /// <summary>Ends the process and every process it started.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
    }

    /// <summary>Ends the process if it still runs, and frees it.</summary>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private static void Keep(StringBuilder into, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (into)
        {
            if (into.Length < KeptCharacters)
            {
                into.AppendLine(line.Length > 2_000 ? line[..2_000] : line);
            }
        }
    }
}
