using System.CommandLine;
using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Events;

namespace Course.Notebooks;

/// <summary>
/// The command line of lib/Course.Kernel: <c>[vscode] stdio --working-dir DIR</c>, the arguments VS Code's
/// Polyglot Notebooks passes to the kernel it starts, hosting the <see cref="CourseKernel"/> over stdin and stdout.
/// </summary>
/// <remarks>
/// The protocol is .NET Interactive's: one JSON envelope per line, commands in (such as <c>SubmitCode</c> with a
/// <c>token</c> and a <c>targetKernelName</c>), events out (<c>KernelReady</c> once at start, then each command's
/// events ending in <c>CommandSucceeded</c> or <c>CommandFailed</c> with its token). With <c>[vscode]</c>, the
/// kernels VS Code itself offers (<c>vscode</c> for input prompts, <c>javascript</c> in the notebook's web view)
/// are connected as proxies, as the stock kernel does. The stock kernel's other options are accepted so the same
/// settings work for both; those about its HTTP API and logs do nothing here.
/// </remarks>
public static class KernelHostCommand
{
    /// <summary>Parses <paramref name="args"/> and hosts the kernel until stdin ends or a <c>Quit</c> command arrives.</summary>
    /// <param name="args">The command line, such as <c>[vscode] stdio --working-dir /course/notebooks</c>.</param>
    /// <returns>0 after a normal end; 2 for bad arguments (one line on stderr says which); 1 if the kernel failed.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var vscode = new Directive("vscode");
        var workingDir = new Option<DirectoryInfo?>("--working-dir") { Description = "The folder the notebook's relative paths start from." };
        var defaultKernel = new Option<string>("--default-kernel") { Description = "The kernel cells run in when they name none (only csharp here).", DefaultValueFactory = _ => CourseKernel.CSharpKernelName };
        Option[] ignored =
        [
            new Option<string?>("--http-port-range") { Description = "Accepted for the stock kernel's settings; there is no HTTP API here." },
            new Option<string?>("--http-port") { Description = "Accepted for the stock kernel's settings; there is no HTTP API here." },
            new Option<string?>("--kernel-host") { Description = "Accepted for the stock kernel's settings; the host name is the process id." },
            new Option<DirectoryInfo?>("--log-path") { Description = "Accepted for the stock kernel's settings; the kernel writes no log files." },
            new Option<bool>("--verbose") { Description = "Accepted for the stock kernel's settings." },
            new Option<bool>("--preview") { Description = "Accepted for the stock kernel's settings." },
        ];
        var stdio = new Command("stdio", "Host the course kernel over standard input and output (what VS Code starts).") { workingDir, defaultKernel };
        foreach (var option in ignored)
        {
            stdio.Options.Add(option);
        }

        var root = new RootCommand("The course kernel: the lessons' C# kernel with the simulator, its pictures and Plotly.NET loaded.") { stdio };
        root.Directives.Add(vscode);
        stdio.SetAction(async (parse, cancel) =>
        {
            string kernelName = parse.GetValue(defaultKernel) ?? CourseKernel.CSharpKernelName;
            if (kernelName != CourseKernel.CSharpKernelName)
            {
                await Console.Error.WriteLineAsync($"--default-kernel {kernelName}: the course kernel has only the C# kernel; use csharp");
                return 2;
            }

            var folder = parse.GetValue(workingDir);
            if (folder is not null && !folder.Exists)
            {
                await Console.Error.WriteLineAsync($"--working-dir {folder.FullName}: no such folder");
                return 2;
            }

            try
            {
                await HostAsync(Console.In, Console.OpenStandardOutput(), folder?.FullName, parse.GetResult(vscode) is not null, cancel);
                return 0;
            }
            catch (Exception e)
            {
                var stderr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
                await stderr.WriteLineAsync("the course kernel stopped: " + e);
                return 1;
            }
        });
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"{parsed.Errors[0].Message} (usage: Course.Kernel [vscode] stdio --working-dir DIR)");
            return 2;
        }

        return await parsed.InvokeAsync();
    }

    /// <summary>Hosts a new <see cref="CourseKernel"/> over <paramref name="input"/> and <paramref name="output"/> until the input ends or a <c>Quit</c> arrives.</summary>
    /// <param name="input">Where commands arrive, one JSON envelope a line.</param>
    /// <param name="output">Where events go, one JSON envelope a line; nothing else is written there.</param>
    /// <param name="workingDirectory">The folder relative paths start from; null keeps the process's.</param>
    /// <param name="vscode">True when VS Code started the kernel (<c>[vscode]</c>): connect its own kernels as proxies.</param>
    /// <param name="cancel">Stops the host.</param>
    public static async Task HostAsync(TextReader input, Stream output, string? workingDirectory, bool vscode, CancellationToken cancel)
    {
        // Events come from several threads at once: one lock per line keeps each envelope whole.
        var protocol = TextWriter.Synchronized(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
        // A cell's Console output is captured by the kernel; anything printed outside a cell must not break the protocol.
        Console.SetOut(Console.Error);
        using var kernel = await CourseKernel.CreateAsync(workingDirectory);
        var quit = new TaskCompletionSource();
        kernel.UseQuitCommand(() =>
        {
            quit.TrySetResult();
            return Task.CompletedTask;
        });
        var sender = KernelCommandAndEventSender.FromTextWriter(protocol, KernelHost.CreateHostUri("stdio"));
        var commands = new InputEnd(input);
        var receiver = KernelCommandAndEventReceiver.FromTextReader(commands);
        using var host = kernel.UseHost(sender, receiver, KernelHost.CreateHostUriForCurrentProcessId());
        // Connecting sends KernelReady with the kernels' infos, then reads commands until the input ends.
        var connected = host.ConnectAndWaitAsync();
        if (vscode)
        {
            // Each proxy announces itself with KernelInfoProduced.
            await host.ConnectProxyKernelOnDefaultConnectorAsync("vscode", new Uri("kernel://vscode/vscode"), ["frontend"]);
            await host.ConnectProxyKernelOnDefaultConnectorAsync("javascript", new Uri("kernel://webview/javascript"), ["js"]);
        }

        await Task.WhenAny(connected, commands.Ended, quit.Task, Task.Delay(Timeout.Infinite, cancel));
    }

    // Input that says when it has ended (VS Code closes the kernel's stdin when it closes the notebook).
    private sealed class InputEnd(TextReader inner) : TextReader
    {
        private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ended => ended.Task;

        public override int Peek() => inner.Peek();

        public override int Read() => Seen(inner.Read());

        public override int Read(char[] buffer, int index, int count) => Seen(inner.Read(buffer, index, count));

        public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            Seen(await inner.ReadAsync(buffer, cancellationToken));

        public override string? ReadLine() => Seen(inner.ReadLine());

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => Seen(await inner.ReadLineAsync(cancellationToken));

        public override async Task<string?> ReadLineAsync() => Seen(await inner.ReadLineAsync());

        private int Seen(int read)
        {
            if (read <= 0)
            {
                ended.TrySetResult();
            }

            return read;
        }

        private string? Seen(string? line)
        {
            if (line is null)
            {
                ended.TrySetResult();
            }

            return line;
        }
    }
}
