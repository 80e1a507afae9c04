using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Course.Grading;

/// <summary>
/// One graded-test worker as the grader sees it: started (in the sandbox, if there is one) with a fresh
/// secret and its list of tests on standard input, then read line by line. Only a line that starts with
/// the secret counts; anything else on the worker's standard output was written by the code under test and is
/// dropped. A line that carries the secret but cannot be read is reported as garbled, never thrown.
/// Lines and the error output are bounded, so a flood costs the grader nothing.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private const int MaxLineBytes = 4_000_000;
    private const int KeptErrors = 16_000;
    private readonly Process process;
    private readonly string secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly ConcurrentQueue<WorkerLine?> lines = new();
    private readonly StringBuilder errors = new();
    private readonly Thread outputReader;
    private readonly Thread errorReader;

    /// <summary>Starts the worker in <paramref name="work"/> and hands it <paramref name="request"/>.</summary>
    /// <param name="work">The submission's work folder, holding Exercises.Tests.dll.</param>
    /// <param name="request"><see cref="GradingWorker.PlanRequest"/>, or the plan indices to run, comma-separated.</param>
    /// <param name="sandbox">How to isolate it.</param>
    /// <param name="hidden">Folders the worker must not see (the course, other submissions).</param>
    public WorkerProcess(string work, string request, Sandbox sandbox, IReadOnlyList<string> hidden)
    {
        var (file, args) = sandbox.Wrap(work, hidden, Sandbox.DotnetHost(), ["Exercises.Tests.dll"]);
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The worker inherits nothing of the grader's environment but what .NET needs to start.
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "DOTNET_ROOT", "LANG" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["HOME"] = sandbox.IsolatesFiles ? "/tmp" : work;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + Sandbox.HeapLimitBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        process = new Process { StartInfo = start };
        process.Start();
        var input = process.StandardInput.BaseStream;
        input.Write(Encoding.UTF8.GetBytes(secret + "\n" + request + "\n"));
        input.Flush();
        process.StandardInput.Close();
        outputReader = new Thread(ReadOutput) { IsBackground = true, Name = "worker output" };
        errorReader = new Thread(ReadErrors) { IsBackground = true, Name = "worker errors" };
        outputReader.Start();
        errorReader.Start();
    }

    /// <summary>Whether the worker has ended and everything it wrote has been read.</summary>
    public bool HasEnded => process.HasExited && !outputReader.IsAlive;

    /// <summary>Its exit code, once it has ended.</summary>
    public int ExitCode => process.ExitCode;

    /// <summary>What it wrote to standard error (at most 16,000 characters).</summary>
    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString();
            }
        }
    }

    /// <summary>The next report, if one arrived: a line, or null for a line that carried the secret but was garbled.</summary>
    public bool TryTake(out WorkerLine? line) => lines.TryDequeue(out line);

    /// <summary>Waits up to <paramref name="timeout"/> for the worker to end and its output to be read.</summary>
    public bool WaitForEnd(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            return false;
        }

        outputReader.Join(TimeSpan.FromSeconds(2));
        errorReader.Join(TimeSpan.FromSeconds(2));
        return true;
    }

    /// <summary>Ends the worker and every process it started.</summary>
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
        catch (System.ComponentModel.Win32Exception)
        {
            // It is ending already.
        }
    }

    /// <summary>Ends the worker if it still runs, and frees it.</summary>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private void ReadOutput()
    {
        var stream = process.StandardOutput.BaseStream;
        var buffer = new byte[65_536];
        var line = new MemoryStream();
        bool tooLong = false;
        int read;
        try
        {
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    if (buffer[i] == '\n')
                    {
                        if (!tooLong)
                        {
                            Accept(line.GetBuffer().AsSpan(0, (int)line.Length));
                        }

                        line.SetLength(0);
                        tooLong = false;
                    }
                    else if (line.Length < MaxLineBytes)
                    {
                        line.WriteByte(buffer[i]);
                    }
                    else
                    {
                        tooLong = true;
                    }
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke: the worker is gone.
        }
    }

    private void Accept(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var prefix = secret + " ";
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return; // written by the code under test, not by the worker
        }

        try
        {
            lines.Enqueue(JsonSerializer.Deserialize<WorkerLine>(text.AsSpan(prefix.Length), GradingWorker.Json));
        }
        catch (JsonException)
        {
            lines.Enqueue(null);
        }
    }

    private void ReadErrors()
    {
        var reader = process.StandardError;
        var buffer = new char[8_192];
        int read;
        try
        {
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (errors)
                {
                    if (errors.Length < KeptErrors)
                    {
                        errors.Append(buffer, 0, Math.Min(read, KeptErrors - errors.Length));
                    }
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke: the worker is gone.
        }
    }
}
