using System.Diagnostics;
using System.Threading.Channels;

namespace SplitBrain.Lab;

/// <summary>
/// A real client process the lab started: its <see cref="ClientLine"/>s as they arrive, a way to send it commands,
/// and its process id for SIGSTOP and SIGCONT. Disposing kills it if it still runs (thawing it first).
/// </summary>
public sealed class LabProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<ClientLine> lines = Channel.CreateUnbounded<ClientLine>();
    private readonly System.Text.StringBuilder errors = new();

    private LabProcess(Process process) => this.process = process;

    /// <summary>The process id.</summary>
    public int Pid => process.Id;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/>.</summary>
    /// <param name="file">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    public static LabProcess Start(string file, IEnumerable<string> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var started = new LabProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                started.lines.Writer.TryComplete();
            }
            else if (ClientLine.Parse(e.Data) is { } line)
            {
                started.lines.Writer.TryWrite(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (started.errors)
            {
                if (e.Data is { } text && started.errors.Length < 8000)
                {
                    started.errors.AppendLine(text);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>
    /// Waits for the next line of kind <paramref name="kind"/>, handing every line read on the way (that one included)
    /// to <paramref name="seen"/>.
    /// </summary>
    /// <param name="kind">The kind to wait for.</param>
    /// <param name="limit">How long to wait.</param>
    /// <param name="seen">Called for every line read.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public async Task<ClientLine> WaitForAsync(string kind, TimeSpan limit, Action<ClientLine> seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            while (true)
            {
                var line = await lines.Reader.ReadAsync(timeout.Token);
                seen(line);
                if (line.Kind == kind)
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"A lab client said no '{kind}' within {limit.TotalSeconds:0} s. Its errors: {Errors}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"A lab client ended before it said '{kind}'. Its errors: {Errors}");
        }
    }

    /// <summary>Hands every line that has already arrived to <paramref name="seen"/>.</summary>
    /// <param name="seen">Called for every line read.</param>
    public void Drain(Action<ClientLine> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        while (lines.Reader.TryRead(out var line))
        {
            seen(line);
        }
    }

    /// <summary>Sends one command line.</summary>
    /// <param name="command"><c>write</c>, <c>release</c> or <c>go</c>.</param>
    public async Task SendAsync(string command)
    {
        await process.StandardInput.WriteLineAsync(command);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the process to exit.</summary>
    /// <param name="limit">How long to wait.</param>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>What the process printed to its standard error.</summary>
    public string Errors
    {
        get
        {
            lock (errors)
            {
                return errors.ToString().Trim();
            }
        }
    }

    /// <summary>Kills the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                Signals.Thaw(process.Id);
                process.Kill(entireProcessTree: true);
                await WaitForExitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
